package dev.jwc.binary;

/**
 * A well-formed binary that breaks a validation rule. The message uses wasmparser's wording; the
 * offset is the absolute byte offset of the offending item, or -1 when unknown.
 */
public final class ValidationException extends RuntimeException {
    private final long offset;
    private final String reason;

    public ValidationException(String reason, long offset) {
        super(offset >= 0 ? reason + " (at offset 0x" + Long.toHexString(offset) + ")" : reason);
        this.reason = reason;
        this.offset = offset;
    }

    /** Byte offset from the start of the outermost binary, or -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** The message without the offset. */
    public String reason() {
        return reason;
    }
}
