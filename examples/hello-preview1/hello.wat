;; A WASI preview1 command: prints one line with fd_write. `jwc new --adapt` merges the official preview1
;; adapter, which implements fd_write over WASI 0.2, turning this module into a wasi:cli/command component.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param $fd i32) (param $iovs i32) (param $iovs_len i32) (param $nwritten i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello from preview1!\n")
  (func (export "_start")
    ;; one iovec at address 0: the 21 bytes at address 16
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 21))
    (if (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))
      (then unreachable))))
