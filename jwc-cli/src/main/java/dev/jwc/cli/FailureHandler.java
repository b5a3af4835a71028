package dev.jwc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns a failure of the user's input into one message and exit code 1. Errors that are not the
 * input's fault (bugs) still surface with their stack trace, so that they get reported and fixed.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed)
            throws Exception {
        return report(ex, cli.getErr());
    }

    /** Prints the message of a failure of the input to {@code err} and returns 1; rethrows any other. */
    static int report(Exception ex, PrintWriter err) throws Exception {
        String message = switch (ex) {
            case UserError u -> u.getMessage();
            case NoSuchFileException n -> n.getFile() + ": no such file or directory";
            case UncheckedIOException u when u.getCause() instanceof NoSuchFileException n ->
                    n.getFile() + ": no such file or directory";
            case IOException io -> "I/O error: " + io.getMessage();
            case UncheckedIOException u -> "I/O error: " + u.getCause().getMessage();
            default -> throw ex;
        };
        err.println("error: " + message);
        err.flush();
        return 1;
    }
}
