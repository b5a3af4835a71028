;; A wasi:cli/command component that connects to 127.0.0.1:PORT (PORT = its first argument) over
;; wasi:sockets/tcp, sends "ping over wasi:sockets\n", and copies the 23 bytes it gets back to stdout.
;; run returns err when a socket call fails or the reply is short.
(component
  (import "wasi:io/poll@0.2.0" (instance $poll
    (export "pollable" (type $p (sub resource)))
    (export "[method]pollable.block" (func (param "self" (borrow $p))))))
  (alias export $poll "pollable" (type $pollable))
  (import "wasi:io/error@0.2.0" (instance $error
    (export "error" (type (sub resource)))))
  (alias export $error "error" (type $io-error))
  (import "wasi:io/streams@0.2.0" (instance $streams
    (export "error" (type $e (eq $io-error)))
    (export "input-stream" (type $in (sub resource)))
    (export "output-stream" (type $out (sub resource)))
    (type $stream-error-case (variant (case "last-operation-failed" (own $e)) (case "closed")))
    (export "stream-error" (type $stream-error (eq $stream-error-case)))
    (export "[method]input-stream.blocking-read"
      (func (param "self" (borrow $in)) (param "len" u64) (result (result (list u8) (error $stream-error)))))
    (export "[method]output-stream.blocking-write-and-flush"
      (func (param "self" (borrow $out)) (param "contents" (list u8)) (result (result (error $stream-error)))))))
  (alias export $streams "input-stream" (type $input-stream))
  (alias export $streams "output-stream" (type $output-stream))
  (import "wasi:cli/stdout@0.2.0" (instance $stdout
    (export "output-stream" (type $o (eq $output-stream)))
    (export "get-stdout" (func (result (own $o))))))
  (import "wasi:cli/environment@0.2.0" (instance $environment
    (export "get-arguments" (func (result (list string))))))

  (import "wasi:sockets/network@0.2.0" (instance $network
    (export "network" (type (sub resource)))
    (type $error-code-def (enum "unknown" "access-denied" "not-supported" "invalid-argument" "out-of-memory" "timeout"
      "concurrency-conflict" "not-in-progress" "would-block" "invalid-state" "new-socket-limit"
      "address-not-bindable" "address-in-use" "remote-unreachable" "connection-refused" "connection-reset"
      "connection-aborted" "datagram-too-large" "name-unresolvable" "temporary-resolver-failure"
      "permanent-resolver-failure"))
    (type $ip-address-family-def (enum "ipv4" "ipv6"))
    (type $ipv4-address (tuple u8 u8 u8 u8))
    (type $ipv6-address (tuple u16 u16 u16 u16 u16 u16 u16 u16))
    (type $ipv4-socket-address-def (record (field "port" u16) (field "address" $ipv4-address)))
    (type $ipv6-socket-address-def (record (field "port" u16) (field "flow-info" u32) (field "address" $ipv6-address)
      (field "scope-id" u32)))
    (export "ipv4-socket-address" (type $ipv4-socket-address (eq $ipv4-socket-address-def)))
    (export "ipv6-socket-address" (type $ipv6-socket-address (eq $ipv6-socket-address-def)))
    (type $ip-socket-address-def (variant (case "ipv4" $ipv4-socket-address) (case "ipv6" $ipv6-socket-address)))
    (export "error-code" (type (eq $error-code-def)))
    (export "ip-address-family" (type (eq $ip-address-family-def)))
    (export "ip-socket-address" (type (eq $ip-socket-address-def)))))
  (alias export $network "error-code" (type $error-code))
  (alias export $network "ip-address-family" (type $ip-address-family))
  (alias export $network "ip-socket-address" (type $ip-socket-address))
  (alias export $network "network" (type $net))
  (import "wasi:sockets/instance-network@0.2.0" (instance $instance-network
    (export "network" (type $n (eq $net)))
    (export "instance-network" (func (result (own $n))))))
  (import "wasi:sockets/tcp@0.2.0" (instance $tcp
    (export "network" (type $n (eq $net)))
    (export "input-stream" (type $in (eq $input-stream)))
    (export "output-stream" (type $out (eq $output-stream)))
    (export "pollable" (type $p (eq $pollable)))
    (export "tcp-socket" (type $socket (sub resource)))
    (export "[method]tcp-socket.start-connect" (func (param "self" (borrow $socket)) (param "network" (borrow $n))
      (param "remote-address" $ip-socket-address) (result (result (error $error-code)))))
    (export "[method]tcp-socket.finish-connect" (func (param "self" (borrow $socket))
      (result (result (tuple (own $in) (own $out)) (error $error-code)))))
    (export "[method]tcp-socket.subscribe" (func (param "self" (borrow $socket)) (result (own $p))))))
  (alias export $tcp "tcp-socket" (type $tcp-socket))
  (import "wasi:sockets/tcp-create-socket@0.2.0" (instance $create
    (export "tcp-socket" (type $s (eq $tcp-socket)))
    (export "create-tcp-socket" (func (param "address-family" $ip-address-family)
      (result (result (own $s) (error $error-code)))))))

  ;; memory and a bump allocator, apart from $Main so that the lowered imports can use them
  (core module $Alloc
    (memory (export "memory") 1)
    (global $heap (mut i32) (i32.const 4096))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $at i32)
      (local.set $at (i32.and (i32.add (global.get $heap) (i32.sub (local.get 2) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get 2))))
      (global.set $heap (i32.add (local.get $at) (local.get 3)))
      (local.get $at)))
  (core instance $alloc (instantiate $Alloc))

  (core func $instance-network (canon lower (func $instance-network "instance-network")))
  (core func $create (canon lower (func $create "create-tcp-socket") (memory (core memory $alloc "memory"))))
  (core func $start-connect (canon lower (func $tcp "[method]tcp-socket.start-connect")
    (memory (core memory $alloc "memory"))))
  (core func $finish-connect (canon lower (func $tcp "[method]tcp-socket.finish-connect")
    (memory (core memory $alloc "memory"))))
  (core func $subscribe (canon lower (func $tcp "[method]tcp-socket.subscribe")))
  (core func $block (canon lower (func $poll "[method]pollable.block")))
  (core func $write (canon lower (func $streams "[method]output-stream.blocking-write-and-flush")
    (memory (core memory $alloc "memory"))))
  (core func $read (canon lower (func $streams "[method]input-stream.blocking-read")
    (memory (core memory $alloc "memory")) (realloc (core func $alloc "realloc"))))
  (core func $get-stdout (canon lower (func $stdout "get-stdout")))
  (core func $get-arguments (canon lower (func $environment "get-arguments")
    (memory (core memory $alloc "memory")) (realloc (core func $alloc "realloc"))))

  (core module $Main
    (import "env" "memory" (memory 1))
    (import "wasi" "instance-network" (func $instance-network (result i32)))
    (import "wasi" "create" (func $create (param i32 i32)))
    ;; self, network, ip-socket-address flattened (case + 11 slots), return area
    (import "wasi" "start-connect" (func $start-connect
      (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
    (import "wasi" "finish-connect" (func $finish-connect (param i32 i32)))
    (import "wasi" "subscribe" (func $subscribe (param i32) (result i32)))
    (import "wasi" "block" (func $block (param i32)))
    (import "wasi" "write" (func $write (param i32 i32 i32 i32)))
    (import "wasi" "read" (func $read (param i32 i64 i32)))
    (import "wasi" "get-stdout" (func $get-stdout (result i32)))
    (import "wasi" "get-arguments" (func $get-arguments (param i32)))
    (data (i32.const 1024) "ping over wasi:sockets\n")

    ;; the decimal number in the second argument (the first is the program name)
    (func $port (result i32)
      (local $arg i32) (local $at i32) (local $end i32) (local $port i32)
      (call $get-arguments (i32.const 48))
      (if (i32.lt_u (i32.load (i32.const 52)) (i32.const 2)) (then (return (i32.const 0))))
      (local.set $arg (i32.add (i32.load (i32.const 48)) (i32.const 8)))
      (local.set $at (i32.load (local.get $arg)))
      (local.set $end (i32.add (local.get $at) (i32.load offset=4 (local.get $arg))))
      (block $done
        (loop $digit
          (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
          (local.set $port (i32.add (i32.mul (local.get $port) (i32.const 10))
            (i32.sub (i32.load8_u (local.get $at)) (i32.const 48))))
          (local.set $at (i32.add (local.get $at) (i32.const 1)))
          (br $digit)))
      (local.get $port))

    (func (export "run") (result i32)
      (local $net i32) (local $socket i32) (local $in i32) (local $out i32) (local $stdout i32) (local $got i32)
      (local.set $net (call $instance-network))
      ;; result<tcp-socket, error-code> at 0: case byte, handle at 4
      (call $create (i32.const 0) (i32.const 0))
      (if (i32.load8_u (i32.const 0)) (then (return (i32.const 1))))
      (local.set $socket (i32.load (i32.const 4)))
      (call $start-connect (local.get $socket) (local.get $net)
        (i32.const 0) (call $port) (i32.const 127) (i32.const 0) (i32.const 0) (i32.const 1)
        (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
        (i32.const 0))
      (if (i32.load8_u (i32.const 0)) (then (return (i32.const 1))))
      (call $block (call $subscribe (local.get $socket)))
      ;; result<tuple<input-stream, output-stream>, error-code> at 0
      (call $finish-connect (local.get $socket) (i32.const 0))
      (if (i32.load8_u (i32.const 0)) (then (return (i32.const 1))))
      (local.set $in (i32.load (i32.const 4)))
      (local.set $out (i32.load (i32.const 8)))
      (call $write (local.get $out) (i32.const 1024) (i32.const 23) (i32.const 16))
      (if (i32.load8_u (i32.const 16)) (then (return (i32.const 1))))
      (local.set $stdout (call $get-stdout))
      ;; result<list<u8>, stream-error> at 32: case byte, list at 36 and 40
      (block $done
        (loop $more
          (br_if $done (i32.ge_u (local.get $got) (i32.const 23)))
          (call $read (local.get $in) (i64.const 64) (i32.const 32))
          (br_if $done (i32.load8_u (i32.const 32)))
          (call $write (local.get $stdout) (i32.load (i32.const 36)) (i32.load (i32.const 40)) (i32.const 16))
          (local.set $got (i32.add (local.get $got) (i32.load (i32.const 40))))
          (br $more)))
      (i32.ne (local.get $got) (i32.const 23))))
  (core instance $main (instantiate $Main
    (with "env" (instance $alloc))
    (with "wasi" (instance
      (export "instance-network" (func $instance-network))
      (export "create" (func $create))
      (export "start-connect" (func $start-connect))
      (export "finish-connect" (func $finish-connect))
      (export "subscribe" (func $subscribe))
      (export "block" (func $block))
      (export "write" (func $write))
      (export "read" (func $read))
      (export "get-stdout" (func $get-stdout))
      (export "get-arguments" (func $get-arguments))))))

  (func $run (result (result)) (canon lift (core func $main "run")))
  (instance $run-instance (export "run" (func $run)))
  (export "wasi:cli/run@0.2.0" (instance $run-instance)))
