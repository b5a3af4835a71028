package dev.jwc.witcomponent;

/**
 * A component or binary WIT package whose types do not describe valid WIT, or a model that cannot be encoded.
 * The message names the import, export or item at fault.
 */
public final class WitComponentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WitComponentException(String message) {
        super(message);
    }

    public WitComponentException(String message, Throwable cause) {
        super(message, cause);
    }
}
