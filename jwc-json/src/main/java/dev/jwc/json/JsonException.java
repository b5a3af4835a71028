package dev.jwc.json;

/** Malformed JSON text, with the character offset where reading stopped. */
public final class JsonException extends RuntimeException {
    private final int offset;

    public JsonException(String message, int offset) {
        super(message + " (at offset " + offset + ")");
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
