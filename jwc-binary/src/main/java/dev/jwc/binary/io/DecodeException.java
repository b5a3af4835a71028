package dev.jwc.binary.io;

/** Malformed binary input, with the byte offset at which decoding failed. */
public final class DecodeException extends RuntimeException {
    private final long offset;
    private final String reason;

    public DecodeException(String reason, long offset) {
        super(reason + " (at offset 0x" + Long.toHexString(offset) + ")");
        this.reason = reason;
        this.offset = offset;
    }

    /** Byte offset from the start of the outermost binary being read. */
    public long offset() {
        return offset;
    }

    /** The message without the offset. */
    public String reason() {
        return reason;
    }
}
