package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jwc new --adapt wasi_snapshot_preview1=ADAPTER} with the official preview1 command adapter, whose path
 * {@code JWC_PREVIEW1_ADAPTER} gives (the adapter is not ours to commit; {@code .ci/run} installs it with jco),
 * turns our preview1 module {@code examples/hello-preview1/hello.wat} into a component that {@code jwc run} runs.
 */
class AdaptPreview1CommandTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
            .resolve("examples/hello-preview1/hello.wat");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void preview1CommandRunsThroughTheOfficialAdapter() throws Exception {
        String adapter = System.getenv("JWC_PREVIEW1_ADAPTER");
        assumeTrue(adapter != null && !adapter.isBlank(),
                "JWC_PREVIEW1_ADAPTER not set: preview1 adapter test skipped");
        assertThat(Path.of(adapter)).as("JWC_PREVIEW1_ADAPTER").isRegularFile();
        Path wat = Files.exists(EXAMPLE) ? EXAMPLE : Path.of("../examples/hello-preview1/hello.wat");
        Path component = dir.resolve("hello.wasm");

        assertThat(run("new", wat.toString(), "--adapt", "wasi_snapshot_preview1=" + adapter,
                "-o", component.toString())).as(err.toString()).isZero();
        assertThat(run("validate", component.toString())).as(err.toString()).isZero();

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            code = run("run", component.toString());
        } finally {
            System.setOut(saved);
        }
        assertThat(code).as(err.toString()).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("Hello from preview1!\n");
    }
}
