package dev.jwc.binary.core.types;

/** The number types and the vector type {@code v128}, with their binary encodings. */
public enum NumType implements ValType {
    I32(0x7F, "i32"),
    I64(0x7E, "i64"),
    F32(0x7D, "f32"),
    F64(0x7C, "f64"),
    V128(0x7B, "v128");

    private final int code;
    private final String text;

    NumType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The binary encoding byte. */
    public int code() {
        return code;
    }

    @Override
    public String text() {
        return text;
    }

    /** The type encoded by {@code code}, or {@code null} when it is not a number or vector type. */
    public static NumType fromCode(int code) {
        for (NumType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
