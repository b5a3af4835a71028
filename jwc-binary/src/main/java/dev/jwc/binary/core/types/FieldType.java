package dev.jwc.binary.core.types;

/** A struct field or array element type. */
public record FieldType(StorageType storage, boolean mutable) {
    /** The value type a {@code get} produces: packed types unpack to {@code i32}. */
    public ValType unpacked() {
        return switch (storage) {
            case ValType v -> v;
            case PackedType p -> NumType.I32;
        };
    }
}
