;; jwc's built-in libdl.so: dlopen/dlsym over the lookup table the linker lays out in memory (see DlOpenables).
;; The init module hands its root to __wasm_set_libraries: (library count, address of the library entries);
;; a library entry is (name length, name address, symbol count, symbols address), a symbol entry
;; (name length, name address, address). A handle is the address of a library entry.
(module
  (@dylink.0 (mem-info (memory 52 2)))
  (import "env" "memory" (memory 1))
  (import "env" "__memory_base" (global $base i32))
  (global $libraries (mut i32) (i32.const 0))
  (global $error (mut i32) (i32.const 0))
  ;; Messages, NUL-terminated, at these offsets from the memory base.
  (data (global.get $base) "no library table\00library not found\00symbol not found\00")

  (func (export "__wasm_set_libraries") (param $root i32)
    (global.set $libraries (local.get $root)))

  (func $fail (param $message i32) (result i32)
    (global.set $error (i32.add (global.get $base) (local.get $message)))
    (i32.const 0))

  (func $strlen (param $s i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $s) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; Whether the C string $s equals the $len bytes at $name.
  (func $equals (param $s i32) (param $name i32) (param $len i32) (result i32)
    (local $i i32)
    (if (i32.ne (call $strlen (local.get $s)) (local.get $len)) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.eq (local.get $i) (local.get $len)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $s) (local.get $i)))
                    (i32.load8_u (i32.add (local.get $name) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  ;; The address of the entry (of $size bytes, named by its first two words) among $count at $entries named $s.
  (func $find (param $s i32) (param $entries i32) (param $count i32) (param $size i32) (result i32)
    (local $entry i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $count)))
        (local.set $entry (local.get $entries))
        (if (call $equals (local.get $s) (i32.load offset=4 (local.get $entry)) (i32.load (local.get $entry)))
          (then (return (local.get $entry))))
        (local.set $entries (i32.add (local.get $entries) (local.get $size)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  (func (export "dlopen") (param $name i32) (param $flags i32) (result i32)
    (local $handle i32)
    (if (i32.eqz (global.get $libraries)) (then (return (call $fail (i32.const 0)))))
    (local.set $handle (call $find (local.get $name) (i32.load offset=4 (global.get $libraries))
                                   (i32.load (global.get $libraries)) (i32.const 16)))
    (if (i32.eqz (local.get $handle)) (then (return (call $fail (i32.const 17)))))
    (local.get $handle))

  (func (export "dlsym") (param $handle i32) (param $name i32) (result i32)
    (local $symbol i32)
    (if (i32.eqz (local.get $handle)) (then (return (call $fail (i32.const 17)))))
    (local.set $symbol (call $find (local.get $name) (i32.load offset=12 (local.get $handle))
                                   (i32.load offset=8 (local.get $handle)) (i32.const 12)))
    (if (i32.eqz (local.get $symbol)) (then (return (call $fail (i32.const 35)))))
    (i32.load offset=8 (local.get $symbol)))

  (func (export "dlclose") (param $handle i32) (result i32)
    (i32.const 0))

  (func (export "dlerror") (result i32)
    (local $message i32)
    (local.set $message (global.get $error))
    (global.set $error (i32.const 0))
    (local.get $message)))
