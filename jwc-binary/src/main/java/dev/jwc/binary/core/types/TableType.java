package dev.jwc.binary.core.types;

/** A table type: element reference type and limits; 64-bit indices with memory64, {@code shared}. */
public record TableType(RefType element, Limits limits, boolean table64, boolean shared) implements EntityType {
    public static TableType of(RefType element, Limits limits) {
        return new TableType(element, limits, false, false);
    }

    /** The index type: {@code i64} for 64-bit tables. */
    public NumType indexType() {
        return table64 ? NumType.I64 : NumType.I32;
    }
}
