package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintCommandTest {
    /** {@code (module (type (func)) (func (type 0)))}. */
    private static final byte[] MODULE = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
        0x03, 0x02, 0x01, 0x00,
        0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b};
    private static final String MODULE_TEXT = """
            (module
              (type (;0;) (func))
              (func (;0;) (type 0))
            )
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsToStandardOutput() throws IOException {
        Path wasm = Files.write(dir.resolve("m.wasm"), MODULE);

        assertThat(run("print", wasm.toString())).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(MODULE_TEXT);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void writesTheOutputFile() throws IOException {
        Path wasm = Files.write(dir.resolve("m.wasm"), MODULE);
        Path wat = dir.resolve("m.wat");

        assertThat(run("print", wasm.toString(), "-o", wat.toString())).isEqualTo(0);
        assertThat(Files.readString(wat)).isEqualTo(MODULE_TEXT);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void malformedInputIsAUserErrorWithTheOffset() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(MODULE, MODULE.length - 3);
        Path wasm = Files.write(dir.resolve("bad.wasm"), truncated);

        assertThat(run("print", wasm.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: " + wasm + ": at byte offset 0x").doesNotContain("Exception");
    }

    @Test
    void missingFileIsAUserError() {
        assertThat(run("print", dir.resolve("absent.wasm").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no such file");
    }
}
