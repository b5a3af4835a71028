package dev.jwc.runtime.core;

/** A core module could not be compiled or linked: bad bytes, a missing import or a mismatched type. */
public final class CoreLinkException extends RuntimeException {
    public CoreLinkException(String message) {
        super(message);
    }

    public CoreLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
