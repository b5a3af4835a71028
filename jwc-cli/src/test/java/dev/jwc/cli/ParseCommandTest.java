package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    /** Parses a text with {@code -o}, which must succeed, and returns the binary written. */
    private byte[] parsed(String name, String text) throws IOException {
        Path wat = Files.writeString(dir.resolve(name), text);
        Path wasm = dir.resolve("out.wasm");
        assertThat(cli.run("parse", wat.toString(), "-o", wasm.toString())).isEqualTo(0);
        return Files.readAllBytes(wasm);
    }

    /** Parses a text with an error: the exit code must be 1; returns the message. */
    private String parseError(Path wat) {
        assertThat(cli.run("parse", wat.toString())).isEqualTo(1);
        return cli.err().strip();
    }

    @Test
    void writesTheBinaryOfACoreModule() throws IOException {
        byte[] wasm = parsed("m.wat", "(module (func (export \"f\") (result i32) i32.const 42))");

        byte[] expected = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type section: [] -> [i32]
            0x03, 0x02, 0x01, 0x00, // function section
            0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x00, // export "f" func 0
            0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b}; // code: i32.const 42
        assertThat(wasm).containsExactly(expected);
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void writesTheBinaryOfAComponent() throws IOException {
        byte[] wasm = parsed("c.wat", "(component (import \"f\" (func)))");

        byte[] expected = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00,
            0x07, 0x05, 0x01, 0x40, 0x00, 0x01, 0x00, // type section: (func), no params, no result
            0x0a, 0x06, 0x01, 0x00, 0x01, 'f', 0x01, 0x00}; // import "f" (func (type 0))
        assertThat(wasm).containsExactly(expected);
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void reportsComponentTextErrorsWithFileLineAndColumn() throws IOException {
        Path wat = Files.writeString(dir.resolve("badc.wat"), "(component\n  (export \"x\" (func $missing)))");
        assertThat(parseError(wat)).isEqualTo("error: " + wat + ":2:21: unknown func: failed to find name `$missing`");
    }

    @Test
    void defaultsToTheInputNameWithWasmExtension() throws IOException {
        Path wat = Files.writeString(dir.resolve("plain.wat"), "(memory 1)");
        assertThat(cli.run("parse", wat.toString())).isEqualTo(0);
        assertThat(dir.resolve("plain.wasm")).exists();
    }

    @Test
    void reportsTextErrorsWithFileLineAndColumn() throws IOException {
        Path wat = Files.writeString(dir.resolve("bad.wat"), "(module\n  (func (call $missing)))");
        assertThat(parseError(wat)).isEqualTo("error: " + wat + ":2:15: unknown func: failed to find name `$missing`");
    }

    @Test
    void reportsAMissingFile() {
        assertThat(cli.run("parse", dir.resolve("none.wat").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("no such file or directory");
    }
}
