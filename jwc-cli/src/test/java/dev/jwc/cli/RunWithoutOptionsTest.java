package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code run FILE [ARGS...]} skips picocli only where picocli would have set the very same fields. */
class RunWithoutOptionsTest {
    @Test
    void fileAndGuestArgumentsAreWhatPicocliWouldParse() {
        for (String[] commandLine : List.of(
                new String[] {"run", "hello.wasm"},
                new String[] {"run", "hello.wasm", "a", "b c"},
                new String[] {"run", "hello.wasm", "--dir", ".", "-h", "--help", "-C", "cache=n"},
                new String[] {"run", "dir/sub/hello.wasm", "", "-"},
                new String[] {"run", "help", "run"})) {
            RunCommand direct = RunCommand.withoutOptions(commandLine).orElseThrow();
            RunCommand parsed = new RunCommand();
            new CommandLine(parsed).setStopAtPositional(true)
                    .parseArgs(Arrays.copyOfRange(commandLine, 1, commandLine.length));
            assertThat(direct.file).as(String.join(" ", commandLine)).isEqualTo(parsed.file);
            assertThat(direct.args).as(String.join(" ", commandLine)).isEqualTo(parsed.args);
        }
    }

    @Test
    void optionsArgumentFilesAndTheEndOfOptionsAreLeftToPicocli() {
        for (String[] commandLine : List.of(
                new String[] {"run"},
                new String[] {"run", "--dir", ".", "hello.wasm"},
                new String[] {"run", "-h"},
                new String[] {"run", "--", "hello.wasm"},
                new String[] {"run", "@options"},
                new String[] {"run", "hello.wasm", "@args"},
                new String[] {"run", "hello.wasm", "--", "x"},
                new String[] {"wit", "hello.wasm"})) {
            assertThat(RunCommand.withoutOptions(commandLine)).as(String.join(" ", commandLine)).isEmpty();
        }
    }

    @Test
    void aMissingFileFailsAsThroughPicocli() {
        StringWriter viaDirect = new StringWriter();
        StringWriter viaPicocli = new StringWriter();
        int direct = Main.execute(new String[] {"run", "no-such.wasm"}, new PrintWriter(new StringWriter()),
                new PrintWriter(viaDirect, true));
        int picocli = Main.execute(new String[] {"run", "-C", "cache=y", "no-such.wasm"},
                new PrintWriter(new StringWriter()), new PrintWriter(viaPicocli, true));
        assertThat(direct).isEqualTo(picocli).isEqualTo(1);
        assertThat(viaDirect.toString()).isEqualTo(viaPicocli.toString())
                .isEqualTo("error: no-such.wasm: no such file or directory" + System.lineSeparator());
    }
}
