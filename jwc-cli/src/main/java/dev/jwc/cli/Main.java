package dev.jwc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code jwc}: exit 0 on success, 1 on a failure of the input, 2 on a usage error. */
@Command(
        name = "jwc",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "The WebAssembly Component Model for the JVM.",
        subcommands = {CommandLine.HelpCommand.class, WitCommand.class, ParseCommand.class, PrintCommand.class, ValidateCommand.class, InspectCommand.class,
                WastCommand.class, EmbedCommand.class, NewCommand.class, LinkCommand.class, RunCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams; the exit code is returned, not taken. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FailureHandler());
        // Everything after the component file belongs to the guest, options included.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"jwc " + p.getProperty("version", "unknown")};
        }
    }
}
