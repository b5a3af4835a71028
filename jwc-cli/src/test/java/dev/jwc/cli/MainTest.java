package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the named command is registered with picocli, yet help and usage errors still see every command. */
class MainTest {
    private static final String[] COMMANDS = {"wit", "parse", "print", "validate", "inspect", "wast", "embed", "new", "run"};

    private final CliRun cli = new CliRun();

    @Test
    void helpListsEveryCommand() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains(COMMANDS);
    }

    @Test
    void helpOfOneCommandWorksBothWays() {
        assertThat(cli.run("help", "run")).isZero();
        assertThat(cli.out()).contains("Usage: jwc run").contains("-C=OPT=VALUE");
        assertThat(cli.run("run", "--help")).isZero();
        assertThat(cli.out()).contains("interpreter-threshold=BYTES");
    }

    @Test
    void anUnknownCommandIsAUsageErrorListingTheCommands() {
        assertThat(cli.run("bogus")).isEqualTo(2);
        assertThat(cli.err()).contains("Unmatched argument").contains(COMMANDS);
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.err()).contains("missing command");
    }
}
