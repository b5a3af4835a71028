package dev.jwc.binary.core.types;

/** What a struct field or array element holds: a value type or a packed integer. */
public sealed interface StorageType permits ValType, PackedType {
    /** The text-format spelling, e.g. {@code i32}, {@code (ref null 3)}, {@code i8}. */
    String text();
}
