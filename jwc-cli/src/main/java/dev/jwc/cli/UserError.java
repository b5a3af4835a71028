package dev.jwc.cli;

/** A failure caused by the command's input, already worded for the user; exit code 1. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
