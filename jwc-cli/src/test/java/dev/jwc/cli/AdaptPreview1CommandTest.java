package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jwc new --adapt wasi_snapshot_preview1=ADAPTER} with the official preview1 command adapter, whose path
 * {@code JWC_PREVIEW1_ADAPTER} gives (the adapter is not ours to commit; {@code .ci/run} installs it with jco),
 * turns our preview1 module {@code examples/hello-preview1/hello.wat} into a component that {@code jwc run} runs;
 * the reactor adapter beside it makes a reactor whose {@code _initialize} runs before its exports.
 */
class AdaptPreview1CommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private static Path commandAdapter() {
        String adapter = System.getenv("JWC_PREVIEW1_ADAPTER");
        assumeTrue(adapter != null && !adapter.isBlank(),
                "JWC_PREVIEW1_ADAPTER not set: preview1 adapter test skipped");
        assertThat(Path.of(adapter)).as("JWC_PREVIEW1_ADAPTER").isRegularFile();
        return Path.of(adapter);
    }

    /** Runs the CLI with the guest's stdout (which WASI writes to {@link System#out}) captured. */
    private String guestOutput(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            code = cli.run(args);
        } finally {
            System.setOut(saved);
        }
        assertThat(code).as(cli.err()).isZero();
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void preview1CommandRunsThroughTheOfficialAdapter() throws Exception {
        Path adapter = commandAdapter();
        Path wat = CliRun.example("hello-preview1/hello.wat");
        Path component = dir.resolve("hello.wasm");

        assertThat(cli.run("new", wat.toString(), "--adapt", "wasi_snapshot_preview1=" + adapter,
                "-o", component.toString())).as(cli.err()).isZero();
        assertThat(cli.run("validate", component.toString())).as(cli.err()).isZero();
        assertThat(guestOutput("run", component.toString())).isEqualTo("Hello from preview1!\n");
    }

    @Test
    void preview1ReactorIsInitializedBeforeItsExportsRun() throws Exception {
        Path reactor = commandAdapter().resolveSibling("wasi_snapshot_preview1.reactor.wasm");
        assumeTrue(Files.isRegularFile(reactor), reactor + " not found: preview1 reactor test skipped");
        Path wit = Files.writeString(dir.resolve("r.wit"), "package a:r;\nworld r { export hello: func(); }\n");
        Path wat = Files.writeString(dir.resolve("r.wat"), """
                (module
                  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "init\\n")
                  (data (i32.const 32) "hello\\n")
                  (func $print (param $p i32) (param $n i32)
                    (i32.store (i32.const 0) (local.get $p))
                    (i32.store (i32.const 4) (local.get $n))
                    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
                  (func (export "_initialize") (call $print (i32.const 16) (i32.const 5)))
                  (func (export "hello") (call $print (i32.const 32) (i32.const 6))))
                """);
        Path core = dir.resolve("r.core.wasm");
        Path component = dir.resolve("r.wasm");
        assertThat(cli.run("embed", wit.toString(), wat.toString(), "--world", "r", "-o", core.toString()))
                .as(cli.err()).isZero();
        assertThat(cli.run("new", core.toString(), "--adapt", "wasi_snapshot_preview1=" + reactor,
                "-o", component.toString())).as(cli.err()).isZero();
        assertThat(guestOutput("run", "--invoke", "hello()", component.toString())).isEqualTo("init\nhello\n");
    }
}
