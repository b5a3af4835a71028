package dev.jwc.binary.core;

/** The kinds of entity a core module imports and exports, with their binary codes. */
public enum ExternalKind {
    FUNC(0x00, "func"),
    TABLE(0x01, "table"),
    MEMORY(0x02, "memory"),
    GLOBAL(0x03, "global"),
    TAG(0x04, "tag");

    private final int code;
    private final String text;

    ExternalKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** The kind encoded by {@code code}, or {@code null}. */
    public static ExternalKind fromCode(int code) {
        return code >= 0 && code < values().length ? values()[code] : null;
    }
}
