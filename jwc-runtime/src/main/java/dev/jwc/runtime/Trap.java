package dev.jwc.runtime;

import java.util.List;

/**
 * A trap: guest code or the Canonical ABI aborted the call. The message is the spec's (as Wasmtime
 * words it), e.g. {@code unaligned pointer} or {@code unknown handle index 3}. A trap raised in compiled
 * guest code carries the guest backtrace: the wasm functions on the stack, innermost first, named from the
 * binary's name section ({@code <wasm function N>} without one).
 */
public final class Trap extends RuntimeException {
    private final List<String> guestBacktrace;

    public Trap(String message) {
        this(message, null, List.of());
    }

    public Trap(String message, Throwable cause) {
        this(message, cause, List.of());
    }

    public Trap(String message, Throwable cause, List<String> guestBacktrace) {
        super(message, cause);
        this.guestBacktrace = List.copyOf(guestBacktrace);
    }

    /** The guest functions on the stack when it trapped, innermost first; empty when unknown. */
    public List<String> guestBacktrace() {
        return guestBacktrace;
    }

    /** Throws a trap with {@code message} when {@code condition} holds, as the spec's {@code trap_if}. */
    public static void trapIf(boolean condition, String message) {
        if (condition) {
            throw new Trap(message);
        }
    }
}
