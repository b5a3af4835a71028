package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void writesTheBinaryOfACoreModule() throws IOException {
        Path wat = dir.resolve("m.wat");
        Files.writeString(wat, "(module (func (export \"f\") (result i32) i32.const 42))");
        Path wasm = dir.resolve("out.wasm");

        assertThat(run("parse", wat.toString(), "-o", wasm.toString())).isEqualTo(0);

        byte[] expected = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type section: [] -> [i32]
            0x03, 0x02, 0x01, 0x00, // function section
            0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x00, // export "f" func 0
            0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b}; // code: i32.const 42
        assertThat(Files.readAllBytes(wasm)).containsExactly(expected);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void writesTheBinaryOfAComponent() throws IOException {
        Path wat = dir.resolve("c.wat");
        Files.writeString(wat, "(component (import \"f\" (func)))");
        Path wasm = dir.resolve("c.wasm");

        assertThat(run("parse", wat.toString(), "-o", wasm.toString())).isEqualTo(0);

        byte[] expected = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00,
            0x07, 0x05, 0x01, 0x40, 0x00, 0x01, 0x00, // type section: (func), no params, no result
            0x0a, 0x06, 0x01, 0x00, 0x01, 'f', 0x01, 0x00}; // import "f" (func (type 0))
        assertThat(Files.readAllBytes(wasm)).containsExactly(expected);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void reportsComponentTextErrorsWithFileLineAndColumn() throws IOException {
        Path wat = dir.resolve("badc.wat");
        Files.writeString(wat, "(component\n  (export \"x\" (func $missing)))");
        assertThat(run("parse", wat.toString())).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: " + wat + ":2:21: unknown func: failed to find name `$missing`");
    }

    @Test
    void defaultsToTheInputNameWithWasmExtension() throws IOException {
        Path wat = dir.resolve("plain.wat");
        Files.writeString(wat, "(memory 1)");
        assertThat(run("parse", wat.toString())).isEqualTo(0);
        assertThat(dir.resolve("plain.wasm")).exists();
    }

    @Test
    void reportsTextErrorsWithFileLineAndColumn() throws IOException {
        Path wat = dir.resolve("bad.wat");
        Files.writeString(wat, "(module\n  (func (call $missing)))");
        assertThat(run("parse", wat.toString())).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: " + wat + ":2:15: unknown func: failed to find name `$missing`");
    }

    @Test
    void reportsAMissingFile() {
        assertThat(run("parse", dir.resolve("none.wat").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no such file or directory");
    }
}
