package dev.jwc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code jwc}: exit 0 on success, 1 on a failure of the input, 2 on a usage error. */
@Command(
        name = "jwc",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "The WebAssembly Component Model for the JVM.",
        subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
    /**
     * The subcommands in help order. Picocli reflects over every registered command up front, so a
     * command line naming one only registers that one (start-up of {@code jwc run} matters).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams; the exit code is returned, not taken. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Supplier<Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null && args[0].equals("run")) {
            RunCommand.warmUpInBackground();
            Optional<RunCommand> plain = RunCommand.withoutOptions(args);
            if (plain.isPresent()) {
                return callDirectly(plain.get(), err);
            }
        }
        CommandLine cli = new CommandLine(new Main());
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FailureHandler());
        // Everything after the component file belongs to the guest, options included.
        if (cli.getSubcommands().containsKey("run")) {
            cli.getSubcommands().get("run").setStopAtPositional(true);
        }
        return cli.execute(args);
    }

    /**
     * Calls a command that picocli would have parsed to the same fields, and reports its failure as
     * {@code execute} does: {@link FailureHandler}'s message, else (a bug) the stack trace; exit code 1.
     */
    private static int callDirectly(Callable<Integer> command, PrintWriter err) {
        try {
            return command.call();
        } catch (Exception failure) {
            try {
                return FailureHandler.report(failure, err);
            } catch (Exception bug) {
                bug.printStackTrace(err);
                err.flush();
                return 1;
            }
        }
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("wit", WitCommand::new);
        commands.put("parse", ParseCommand::new);
        commands.put("print", PrintCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("inspect", InspectCommand::new);
        commands.put("wast", WastCommand::new);
        commands.put("embed", EmbedCommand::new);
        commands.put("new", NewCommand::new);
        commands.put("link", LinkCommand::new);
        commands.put("run", RunCommand::new);
        return Collections.unmodifiableMap(commands);
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
