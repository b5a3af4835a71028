package dev.jwc.binary.core.types;

/** The abstract heap types, with their binary encodings and text names. */
public enum AbstractHeapKind {
    FUNC(0x70, "func"),
    EXTERN(0x6F, "extern"),
    ANY(0x6E, "any"),
    EQ(0x6D, "eq"),
    I31(0x6C, "i31"),
    STRUCT(0x6B, "struct"),
    ARRAY(0x6A, "array"),
    EXN(0x69, "exn"),
    CONT(0x68, "cont"),
    NONE(0x71, "none"),
    NOEXTERN(0x72, "noextern"),
    NOFUNC(0x73, "nofunc"),
    NOEXN(0x74, "noexn"),
    NOCONT(0x75, "nocont");

    private final int code;
    private final String text;

    AbstractHeapKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The binary encoding byte (also the shorthand {@code (ref null <this>)} value type byte). */
    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** The kind encoded by {@code code}, or {@code null}. */
    public static AbstractHeapKind fromCode(int code) {
        for (AbstractHeapKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }

    /** The kind named {@code text} in the text format, or {@code null}. */
    public static AbstractHeapKind fromText(String text) {
        for (AbstractHeapKind k : values()) {
            if (k.text.equals(text)) {
                return k;
            }
        }
        return null;
    }

    /** The top of this kind's hierarchy: func, extern, any, exn or cont. */
    public AbstractHeapKind top() {
        return switch (this) {
            case FUNC, NOFUNC -> FUNC;
            case EXTERN, NOEXTERN -> EXTERN;
            case ANY, EQ, I31, STRUCT, ARRAY, NONE -> ANY;
            case EXN, NOEXN -> EXN;
            case CONT, NOCONT -> CONT;
        };
    }

    /** The bottom of this kind's hierarchy: nofunc, noextern, none, noexn or nocont. */
    public AbstractHeapKind bottom() {
        return switch (top()) {
            case FUNC -> NOFUNC;
            case EXTERN -> NOEXTERN;
            case EXN -> NOEXN;
            case CONT -> NOCONT;
            default -> NONE;
        };
    }
}
