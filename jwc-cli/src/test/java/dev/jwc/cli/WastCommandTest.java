package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WastCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void runsAScriptAndCountsItsDirectives() throws IOException {
        Path wast = dir.resolve("t.wast");
        Files.writeString(wast, """
                (component
                  (core module $M (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))
                  (core instance $m (instantiate $M))
                  (func (export "inc") (param "x" u32) (result u32) (canon lift (core func $m "f")))
                  (core module $T (func (export "t") unreachable))
                  (core instance $t (instantiate $T))
                  (func (export "trap") (canon lift (core func $t "t"))))
                (assert_return (invoke "inc" (u32.const 41)) (u32.const 42))
                (assert_return (invoke "inc" (u32.const 1)) (u32.const 3))
                (assert_trap (invoke "trap") "unreachable")
                """);
        assertThat(cli.run("wast", wast.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("t.wast:9: assert_return: expected U32[value=3], got U32[value=2]")
                .contains("3 passed, 1 failed, 0 skipped");
    }

    @Test
    void hostItemsAreLinked() throws IOException {
        Path wast = dir.resolve("h.wast");
        Files.writeString(wast, """
                (component
                  (import "host-return-two" (func $two (result u32)))
                  (import "host" (instance $host (export "return-three" (func (result u32)))))
                  (export "two" (func $two))
                  (export "three" (func $host "return-three")))
                (assert_return (invoke "two") (u32.const 2))
                (assert_return (invoke "three") (u32.const 3))
                """);
        assertThat(cli.run("wast", wast.toString())).isEqualTo(0);
        assertThat(cli.out()).contains("3 passed, 0 failed, 0 skipped");
    }

    @Test
    void badInputIsAUserError() throws IOException {
        Path wast = dir.resolve("bad.wast");
        Files.writeString(wast, "(component (func");
        assertThat(cli.run("wast", wast.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("bad.wast:1:");
        assertThat(cli.run("wast", dir.resolve("missing.wast").toString())).isEqualTo(1);
    }
}
