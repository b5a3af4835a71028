package dev.jwc.text.print;

/** A binary that the text format cannot express, with the reason. */
public final class PrintException extends RuntimeException {
    public PrintException(String message) {
        super(message);
    }
}
