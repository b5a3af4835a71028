package dev.jwc.binary.core.types;

/** The type of an importable or exportable entity. */
public sealed interface EntityType permits EntityType.Func, TableType, MemoryType, GlobalType, TagType {

    /** A function, by its type index. */
    record Func(int typeIndex) implements EntityType {
    }
}
