package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Only the named command is registered with picocli, yet help and usage errors still see every command. */
class MainTest {
    private static final String[] COMMANDS = {"wit", "parse", "print", "validate", "inspect", "wast", "embed", "new", "run"};

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains(COMMANDS);
    }

    @Test
    void helpOfOneCommandWorksBothWays() {
        assertThat(execute("help", "run")).isZero();
        assertThat(out.toString()).contains("Usage: jwc run").contains("-C=OPT=VALUE");
        assertThat(execute("run", "--help")).isZero();
        assertThat(out.toString()).contains("interpreter-threshold=BYTES");
    }

    @Test
    void anUnknownCommandIsAUsageErrorListingTheCommands() {
        assertThat(execute("bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains(COMMANDS);
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(execute()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command");
    }
}
