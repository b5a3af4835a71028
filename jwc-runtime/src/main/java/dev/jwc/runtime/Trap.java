package dev.jwc.runtime;

/**
 * A trap: guest code or the Canonical ABI aborted the call. The message is the spec's (as Wasmtime
 * words it), e.g. {@code unaligned pointer} or {@code unknown handle index 3}.
 */
public final class Trap extends RuntimeException {
    public Trap(String message) {
        super(message);
    }

    public Trap(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws a trap with {@code message} when {@code condition} holds, as the spec's {@code trap_if}. */
    public static void trapIf(boolean condition, String message) {
        if (condition) {
            throw new Trap(message);
        }
    }
}
