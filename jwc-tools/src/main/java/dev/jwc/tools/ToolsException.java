package dev.jwc.tools;

/** A core module or WIT input that cannot be embedded or turned into a component; the message says why. */
public final class ToolsException extends RuntimeException {
    public ToolsException(String message) {
        super(message);
    }

    public ToolsException(String message, Throwable cause) {
        super(message, cause);
    }
}
