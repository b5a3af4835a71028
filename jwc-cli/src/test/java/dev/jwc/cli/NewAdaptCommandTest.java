package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwc new --adapt}: an adapter of our own, and the option's usage errors. */
class NewAdaptCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

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

        assertThat(cli.run("embed", wit.toString(), adapterWat.toString(), "--world", "adapter",
                "-o", adapter.toString())).as(cli.err()).isZero();
        assertThat(cli.run("new", main.toString(), "--adapt", "old=" + adapter, "-o", component.toString()))
                .as(cli.err()).isZero();
        assertThat(cli.run("validate", component.toString())).as(cli.err()).isZero();
        cli.clearOut();
        assertThat(cli.run("run", "--invoke", "answer()", component.toString())).as(cli.err()).isZero();
        assertThat(cli.out().strip()).isEqualTo("42");
    }

    @Test
    void adaptWithoutNameIsAUsageError() {
        assertThat(cli.run("new", dir.resolve("m.wat").toString(), "--adapt", "adapter.wasm",
                "-o", dir.resolve("x.wasm").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("expected NAME=ADAPTER.wasm");
    }

    @Test
    void adapterWithoutWorldIsAnInputError() throws IOException {
        Path main = Files.writeString(dir.resolve("m.wat"), "(module (import \"old\" \"f\" (func)))");
        Path adapter = Files.writeString(dir.resolve("a.wat"), "(module (func (export \"f\")))");
        assertThat(cli.run("new", main.toString(), "--adapt", "old=" + adapter, "-o", dir.resolve("x.wasm").toString()))
                .isEqualTo(1);
        assertThat(cli.err()).contains("adapter `old` must have exactly one `component-type` section");
    }
}
