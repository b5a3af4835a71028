;; A WASI 0.2 command written against the component model's canonical ABI: it writes "Hello, world!\n" to
;; stdout. Embed its world and make a component with:
;;   jwc embed wit/ hello.wat --world command -o hello.core.wasm && jwc new hello.core.wasm -o hello.wasm
(module
  (import "wasi:cli/stdout@0.2.12" "get-stdout" (func $get-stdout (result i32)))
  ;; (self: borrow<output-stream>, contents: list<u8>) -> result<_, stream-error>, through a return pointer
  (import "wasi:io/streams@0.2.12" "[method]output-stream.blocking-write-and-flush"
    (func $write (param i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello, world!\n")
  (func (export "wasi:cli/run@0.2.12#run") (result i32)
    (call $write (call $get-stdout) (i32.const 16) (i32.const 14) (i32.const 0))
    ;; the result's discriminant (0 = ok) was written at the return pointer
    (if (result i32) (i32.load8_u (i32.const 0))
      (then (i32.const 1))
      (else (i32.const 0)))))
