;; Guest code that works its own memory: `run(n)` does n rounds of load, add, store and a second load
;; over the first MiB of a 17-page memory (as much as a Rust component starts with), so the number
;; measures the linear memory implementation under compiled guest code.
(component
  (core module $M
    (memory 17)
    (func (export "run") (param $n i32) (result i32)
      (local $i i32) (local $acc i32) (local $addr i32)
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $addr (i32.and (i32.mul (local.get $i) (i32.const 4)) (i32.const 0xFFFFC)))
          (i32.store (local.get $addr) (i32.add (i32.load (local.get $addr)) (local.get $i)))
          (local.set $acc (i32.xor (local.get $acc) (i32.load offset=4 (local.get $addr))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (local.get $acc)))
  (core instance $m (instantiate $M))
  (func (export "run") (param "n" u32) (result u32) (canon lift (core func $m "run"))))
