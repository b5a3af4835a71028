package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

    private final CliRun cli = new CliRun();

    @Test
    void printsToStandardOutput() throws IOException {
        Path wasm = Files.write(dir.resolve("m.wasm"), MODULE);

        assertThat(cli.run("print", wasm.toString())).isEqualTo(0);
        assertThat(cli.out()).isEqualTo(MODULE_TEXT);
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void writesTheOutputFile() throws IOException {
        Path wasm = Files.write(dir.resolve("m.wasm"), MODULE);
        Path wat = dir.resolve("m.wat");

        assertThat(cli.run("print", wasm.toString(), "-o", wat.toString())).isEqualTo(0);
        assertThat(Files.readString(wat)).isEqualTo(MODULE_TEXT);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void malformedInputIsAUserErrorWithTheOffset() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(MODULE, MODULE.length - 3);
        Path wasm = Files.write(dir.resolve("bad.wasm"), truncated);

        assertThat(cli.run("print", wasm.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: " + wasm + ": at byte offset 0x").doesNotContain("Exception");
    }

    @Test
    void missingFileIsAUserError() {
        assertThat(cli.run("print", dir.resolve("absent.wasm").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("no such file");
    }
}
