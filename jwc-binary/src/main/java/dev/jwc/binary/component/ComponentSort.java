package dev.jwc.binary.component;

/** Component-level index spaces, with their {@code sort} codes. */
public enum ComponentSort implements Sort {
    FUNC(0x01, "func"),
    VALUE(0x02, "value"),
    TYPE(0x03, "type"),
    COMPONENT(0x04, "component"),
    INSTANCE(0x05, "instance");

    private final int code;
    private final String keyword;

    ComponentSort(int code, String keyword) {
        this.code = code;
        this.keyword = keyword;
    }

    public int code() {
        return code;
    }

    public String keyword() {
        return keyword;
    }

    /** The sort with this code, or {@code null} (0x00 introduces a core sort and is not one). */
    public static ComponentSort fromCode(int code) {
        for (ComponentSort s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
