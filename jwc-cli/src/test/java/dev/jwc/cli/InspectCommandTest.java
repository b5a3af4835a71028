package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void showsTheImportsAndExportsOfAComponentInWitNotation() throws IOException {
        Path file = CliRun.wasm(dir, "c.wasm", """
                (component
                  (import "log" (func (param "msg" string)))
                  (import "wasi:clocks/wall-clock@0.2.0" (instance
                    (export "now" (func (result u64)))
                    (type $point (record (field "x" u32) (field "y" u32)))
                    (export "point" (type (eq $point)))
                    (export "f" (func (param "p" (list string)) (result (option u8))))))
                  (import "wasi:io/streams@0.2.0" (instance
                    (export "stream" (type $s (sub resource)))
                    (export "[method]stream.read" (func (param "self" (borrow $s)) (param "n" u64)
                      (result (list u8))))))
                )
                """);

        assertThat(cli.run("inspect", file.toString())).isEqualTo(0);
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).isEqualTo("""
                component
                  imports:
                    log: func(msg: string)
                    wasi:clocks/wall-clock@0.2.0: instance
                      record point {
                        x: u32,
                        y: u32,
                      }
                      now: func() -> u64
                      f: func(p: list<string>) -> option<u8>
                    wasi:io/streams@0.2.0: instance
                      resource %stream {
                        read: func(n: u64) -> list<u8>;
                      }
                  exports: (none)
                """);
    }

    @Test
    void showsTheExportsOfAComponent() throws IOException {
        Path file = CliRun.wasm(dir, "c.wasm", """
                (component
                  (core module $m (func (export "run") (result i32) i32.const 0))
                  (core instance $i (instantiate $m))
                  (func $run (result (result)) (canon lift (core func $i "run")))
                  (instance $inst (export "run" (func $run)))
                  (export "wasi:cli/run@0.2.0" (instance $inst))
                )
                """);

        assertThat(cli.run("inspect", file.toString())).isEqualTo(0);
        assertThat(cli.out()).isEqualTo("""
                component
                  imports: (none)
                  exports:
                    wasi:cli/run@0.2.0: instance
                      run: func() -> result
                """);
    }

    @Test
    void showsTheImportsAndExportsOfACoreModuleWithCoreTypes() throws IOException {
        Path file = CliRun.wasm(dir, "m.wasm", """
                (module
                  (import "env" "f" (func (param i32 i64) (result f32)))
                  (import "env" "mem" (memory 1 2))
                  (import "env" "g" (global (mut i32)))
                  (tag $e (param i32))
                  (table $t 3 funcref)
                  (global $c f64 (f64.const 0))
                  (func $id (param i32) (result i32) local.get 0)
                  (export "id" (func $id))
                  (export "f" (func 0))
                  (export "t" (table $t))
                  (export "c" (global $c))
                  (export "e" (tag $e)))
                """);

        assertThat(cli.run("inspect", file.toString())).isEqualTo(0);
        assertThat(cli.out()).isEqualTo("""
                core module
                  imports:
                    "env" "f": func (param i32 i64) (result f32)
                    "env" "mem": memory 1 2
                    "env" "g": global (mut i32)
                  exports:
                    "id": func (param i32) (result i32)
                    "f": func (param i32 i64) (result f32)
                    "t": table 3 funcref
                    "c": global f64
                    "e": tag (param i32)
                """);
    }

    @Test
    void reportsMalformedBinariesWithTheirByteOffset() throws IOException {
        Path file = dir.resolve("bad.wasm");
        Files.write(file, new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01});

        assertThat(cli.run("inspect", file.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: " + file + ": offset ").doesNotContain("\tat ");
    }

    @Test
    void reportsInvalidCoreModules() throws IOException {
        Path file = dir.resolve("invalid.wasm");
        // An export of function 0 in a module without functions.
        Files.write(file, new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x07, 0x05, 0x01, 0x01, 'f', 0x00,
            0x00});

        assertThat(cli.run("inspect", file.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: " + file + ": ");
    }
}
