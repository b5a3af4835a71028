package dev.jwc.cli;

import java.io.IOException;
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
        String message = switch (ex) {
            case UserError u -> u.getMessage();
            case NoSuchFileException n -> n.getFile() + ": no such file or directory";
            case UncheckedIOException u when u.getCause() instanceof NoSuchFileException n ->
                    n.getFile() + ": no such file or directory";
            case IOException io -> "I/O error: " + io.getMessage();
            case UncheckedIOException u -> "I/O error: " + u.getCause().getMessage();
            default -> throw ex;
        };
        cli.getErr().println("error: " + message);
        cli.getErr().flush();
        return 1;
    }
}
