;; The component every call and instantiation benchmark uses: small on purpose (one core module, one
;; page of memory, one host import), so the numbers measure the runtime rather than the guest.
(component
  (import "bench:host/calls" (instance $host (export "tick" (func (param "x" s32) (result s32)))))
  (alias export $host "tick" (func $tick))
  (core func $tick-lowered (canon lower (func $tick)))
  (core module $M
    (import "host" "tick" (func $tick (param i32) (result i32)))
    (memory (export "mem") 1)
    (func (export "add") (param i32 i32) (result i32)
      (i32.add (local.get 0) (local.get 1)))
    ;; One live buffer at a time (echo's argument): always at 1024, growing memory to fit.
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $pages i32)
      (local.set $pages
        (i32.sub
          (i32.shr_u (i32.add (i32.add (local.get 3) (i32.const 1024)) (i32.const 65535)) (i32.const 16))
          (memory.size)))
      (if (i32.gt_s (local.get $pages) (i32.const 0))
        (then (if (i32.eq (memory.grow (local.get $pages)) (i32.const -1)) (then unreachable))))
      (i32.const 1024))
    ;; Returns its argument: the (ptr, len) pair at address 0 is the return area.
    (func (export "echo") (param i32 i32) (result i32)
      (i32.store (i32.const 0) (local.get 0))
      (i32.store (i32.const 4) (local.get 1))
      (i32.const 0))
    ;; Calls the host n times, threading the value through: tick(tick(...tick(0))).
    (func (export "call-host") (param $n i32) (result i32)
      (local $acc i32)
      (block $done
        (loop $next
          (br_if $done (i32.eqz (local.get $n)))
          (local.set $acc (call $tick (local.get $acc)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $next)))
      (local.get $acc)))
  (core instance $m (instantiate $M (with "host" (instance (export "tick" (func $tick-lowered))))))
  (alias core export $m "mem" (core memory $mem))
  (alias core export $m "realloc" (core func $realloc))
  (func (export "add") (param "a" s32) (param "b" s32) (result s32)
    (canon lift (core func $m "add")))
  (func (export "echo") (param "s" string) (result string)
    (canon lift (core func $m "echo") (memory $mem) (realloc $realloc)))
  (func (export "call-host") (param "n" s32) (result s32)
    (canon lift (core func $m "call-host"))))
