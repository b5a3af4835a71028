package dev.jwc.binary.core.types;

/** Packed storage types of GC struct fields and array elements; they unpack to {@code i32}. */
public enum PackedType implements StorageType {
    I8(0x78, "i8", 1),
    I16(0x77, "i16", 2);

    private final int code;
    private final String text;
    private final int bytes;

    PackedType(int code, String text, int bytes) {
        this.code = code;
        this.text = text;
        this.bytes = bytes;
    }

    /** The binary encoding byte. */
    public int code() {
        return code;
    }

    @Override
    public String text() {
        return text;
    }

    public int bytes() {
        return bytes;
    }
}
