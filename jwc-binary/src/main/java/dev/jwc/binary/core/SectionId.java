package dev.jwc.binary.core;

/** The sections of a core module, with their ids and the order in which they must appear. */
public enum SectionId {
    CUSTOM(0, 0, "custom"),
    TYPE(1, 1, "type"),
    IMPORT(2, 2, "import"),
    FUNCTION(3, 3, "function"),
    TABLE(4, 4, "table"),
    MEMORY(5, 5, "memory"),
    TAG(13, 6, "tag"),
    GLOBAL(6, 7, "global"),
    EXPORT(7, 8, "export"),
    START(8, 9, "start"),
    ELEMENT(9, 10, "element"),
    DATA_COUNT(12, 11, "data count"),
    CODE(10, 12, "code"),
    DATA(11, 13, "data");

    private final int id;
    private final int order;
    private final String text;

    SectionId(int id, int order, String text) {
        this.id = id;
        this.order = order;
        this.text = text;
    }

    /** The id byte in the binary. */
    public int id() {
        return id;
    }

    /** The rank in the required section order (custom sections may appear anywhere). */
    public int order() {
        return order;
    }

    public String text() {
        return text;
    }

    /** The section with binary id {@code id}, or {@code null}. */
    public static SectionId fromId(int id) {
        for (SectionId s : values()) {
            if (s.id == id) {
                return s;
            }
        }
        return null;
    }
}
