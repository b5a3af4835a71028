package dev.jwc.binary.component;

/** Core index spaces, with their {@code core:sort} codes (those of {@code core:externtype}). */
public enum CoreSort implements Sort {
    FUNC(0x00, "func"),
    TABLE(0x01, "table"),
    MEMORY(0x02, "memory"),
    GLOBAL(0x03, "global"),
    TAG(0x04, "tag"),
    TYPE(0x10, "type"),
    MODULE(0x11, "module"),
    INSTANCE(0x12, "instance");

    private final int code;
    private final String keyword;

    CoreSort(int code, String keyword) {
        this.code = code;
        this.keyword = keyword;
    }

    public int code() {
        return code;
    }

    /** The text-format keyword, without the {@code core} prefix. */
    public String keyword() {
        return keyword;
    }

    /** The sort with this code, or {@code null}. */
    public static CoreSort fromCode(int code) {
        for (CoreSort s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
