package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwc new --adapt}: an adapter of our own, and the option's usage errors. */
class NewAdaptCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void adapterExportCallsBackIntoTheMainModule() throws IOException {
        Path wit = Files.writeString(dir.resolve("adapter.wit"),
                "package a:adapter;\nworld adapter { export answer: func() -> u32; }\n");
        Path adapterWat = Files.writeString(dir.resolve("adapter.wat"), """
                (module
                  (import "__main_module__" "compute" (func $compute (result i32)))
                  (func (export "answer") (result i32) call $compute)
                  (func (export "unused") (result i32) i32.const 0))
                """);
        Path main = Files.writeString(dir.resolve("main.wat"),
                "(module (memory (export \"memory\") 1) (func (export \"compute\") (result i32) i32.const 42))");
        Path adapter = dir.resolve("adapter.core.wasm");
        Path component = dir.resolve("c.wasm");

        assertThat(run("embed", wit.toString(), adapterWat.toString(), "--world", "adapter",
                "-o", adapter.toString())).as(err.toString()).isZero();
        assertThat(run("new", main.toString(), "--adapt", "old=" + adapter, "-o", component.toString()))
                .as(err.toString()).isZero();
        assertThat(run("validate", component.toString())).as(err.toString()).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("run", "--invoke", "answer()", component.toString())).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("42");
    }

    @Test
    void adaptWithoutNameIsAUsageError() {
        assertThat(run("new", dir.resolve("m.wat").toString(), "--adapt", "adapter.wasm",
                "-o", dir.resolve("x.wasm").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("expected NAME=ADAPTER.wasm");
    }

    @Test
    void adapterWithoutWorldIsAnInputError() throws IOException {
        Path main = Files.writeString(dir.resolve("m.wat"), "(module (import \"old\" \"f\" (func)))");
        Path adapter = Files.writeString(dir.resolve("a.wat"), "(module (func (export \"f\")))");
        assertThat(run("new", main.toString(), "--adapt", "old=" + adapter, "-o", dir.resolve("x.wasm").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("adapter `old` must have exactly one `component-type` section");
    }
}
