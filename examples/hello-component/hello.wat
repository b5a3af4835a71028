;; Hello world as a wasi:cli/command component, written by hand:
;; a core module writes "Hello, world!\n" to stdout through two lowered WASI imports.
(component
  (import "wasi:io/streams@0.2.0" (instance $streams
    (export "output-stream" (type $out (sub resource)))
    (export "error" (type $err (sub resource)))
    (type $error (variant (case "last-operation-failed" (own $err)) (case "closed")))
    (export "stream-error" (type $stream-error (eq $error)))
    (export "[method]output-stream.blocking-write-and-flush"
      (func (param "self" (borrow $out)) (param "contents" (list u8)) (result (result (error $stream-error)))))))
  (alias export $streams "output-stream" (type $output-stream))
  (import "wasi:cli/stdout@0.2.0" (instance $stdout
    (export "output-stream" (type (eq $output-stream)))
    (export "get-stdout" (func (result (own 0))))))

  (core module $Memory
    (memory (export "memory") 1))
  (core instance $memory (instantiate $Memory))

  (core func $get-stdout (canon lower (func $stdout "get-stdout")))
  (core func $write (canon lower (func $streams "[method]output-stream.blocking-write-and-flush")
    (memory (core memory $memory "memory"))))
  (core func $drop (canon resource.drop $output-stream))

  (core module $Main
    (import "env" "memory" (memory 1))
    (import "wasi" "get-stdout" (func $get-stdout (result i32)))
    (import "wasi" "write" (func $write (param i32 i32 i32 i32)))
    (import "wasi" "drop" (func $drop (param i32)))
    (data (i32.const 16) "Hello, world!\n")
    (func (export "run") (result i32)
      (local $out i32)
      (local.set $out (call $get-stdout))
      ;; result<_, stream-error> lands at offset 0; a failed write makes run fail.
      (call $write (local.get $out) (i32.const 16) (i32.const 14) (i32.const 0))
      (call $drop (local.get $out))
      (i32.load8_u (i32.const 0))))
  (core instance $main (instantiate $Main
    (with "env" (instance $memory))
    (with "wasi" (instance
      (export "get-stdout" (func $get-stdout))
      (export "write" (func $write))
      (export "drop" (func $drop))))))

  (func $run (result (result)) (canon lift (core func $main "run")))
  (instance $run-instance (export "run" (func $run)))
  (export "wasi:cli/run@0.2.0" (instance $run-instance)))
