package dev.jwc.binary.core.types;

/** A global's value type, mutability and sharedness. */
public record GlobalType(ValType type, boolean mutable, boolean shared) implements EntityType {
    public static GlobalType of(ValType type, boolean mutable) {
        return new GlobalType(type, mutable, false);
    }
}
