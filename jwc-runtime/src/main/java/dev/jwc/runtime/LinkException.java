package dev.jwc.runtime;

/** Instantiation failed: a missing or mismatched import, or a construct this runtime does not support. */
public final class LinkException extends RuntimeException {
    public LinkException(String message) {
        super(message);
    }

    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
