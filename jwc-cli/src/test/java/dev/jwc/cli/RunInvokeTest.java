package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwc run --invoke}: root and interface exports, WAVE in and out, and every kind of failure. */
class RunInvokeTest {
    private static final String ADDER = """
            (component
              (core module $M
                (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
                (func (export "boom") unreachable)
                (func (export "not") (param i32) (result i32) (i32.eqz (local.get 0))))
              (core instance $m (instantiate $M))
              (func $add (param "x" u32) (param "y" u32) (result u32) (canon lift (core func $m "add")))
              (instance $iface (export "add" (func $add)))
              (export "docs:adder/add@0.1.0" (instance $iface))
              (func (export "boom") (canon lift (core func $m "boom")))
              (func (export "not") (param "on" bool) (result bool) (canon lift (core func $m "not"))))
            """;

    @TempDir
    Path dir;

    private Path wasm;
    private final CliRun cli = new CliRun();

    @BeforeEach
    void writeComponent() throws IOException {
        wasm = CliRun.wasm(dir, "adder.wasm", ADDER);
    }

    private int run(String expr) {
        return cli.run("run", "--invoke", expr, wasm.toString());
    }

    @Test
    void callsAnInterfaceExportAndPrintsTheResultInWave() {
        assertThat(run("docs:adder/add@0.1.0#add(1, 2)")).isEqualTo(0);
        assertThat(cli.out()).isEqualTo("3" + System.lineSeparator());
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void callsARootExport() {
        assertThat(run("not(true)")).isEqualTo(0);
        assertThat(cli.out().strip()).isEqualTo("false");
    }

    @Test
    void aFunctionWithoutResultPrintsNothing() throws IOException {
        CliRun.wasm(dir, "adder.wasm", """
                (component
                  (core module $M (func (export "f")))
                  (core instance $m (instantiate $M))
                  (func (export "nothing") (canon lift (core func $m "f"))))
                """);
        assertThat(run("nothing()")).isEqualTo(0);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void unknownExportsAreNamed() {
        assertThat(run("nope(1)")).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: --invoke: the component exports no function `nope`")
                .contains("docs:adder/add@0.1.0");
        assertThat(run("docs:adder/add@0.1.0#sub(1, 2)")).isEqualTo(1);
        assertThat(cli.err()).contains("instance `docs:adder/add@0.1.0` exports no function `sub` (exports: add)");
        assertThat(run("docs:adder/mul@0.1.0#add(1, 2)")).isEqualTo(1);
        assertThat(cli.err()).contains("the component exports no instance `docs:adder/mul@0.1.0`");
    }

    @Test
    void malformedWaveIsOneMessage() {
        assertThat(run("docs:adder/add@0.1.0#add(1, ")).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: --invoke: 1:").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void argumentsAreTypedByTheParameters() {
        assertThat(run("docs:adder/add@0.1.0#add(1, \"two\")")).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: --invoke: ").hasLineCount(1);
        assertThat(run("docs:adder/add@0.1.0#add(-1, 2)")).isEqualTo(1);
    }

    @Test
    void arityIsChecked() {
        assertThat(run("docs:adder/add@0.1.0#add(1)")).isEqualTo(1);
        assertThat(cli.err()).contains("missing required param(s)");
        cli.clearErr();
        assertThat(run("docs:adder/add@0.1.0#add(1, 2, 3)")).isEqualTo(1);
        assertThat(cli.err()).contains("more param(s) than expected");
        cli.clearErr();
        assertThat(run("docs:adder/add@0.1.0#add()")).isEqualTo(1);
        assertThat(cli.err()).contains("no params provided, but 2 required");
    }

    @Test
    void aTrapExitsWith134AndPrintsTheGuestBacktrace() {
        assertThat(run("boom()")).isEqualTo(134);
        // the module is named ($M) but its functions are not: they are numbered
        assertThat(cli.err()).startsWith("error: " + wasm + ": wasm trap: ").contains("unreachable")
                .contains("wasm backtrace:\n    0: M!<wasm function 1>").hasLineCount(3);
        assertThat(cli.out()).isEmpty();
    }
}
