package dev.jwc.binary.core;

import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;

/** An import: two-level name and the imported entity's type. */
public record Import(String module, String name, EntityType type) {
    public ExternalKind kind() {
        return switch (type) {
            case EntityType.Func f -> ExternalKind.FUNC;
            case TableType t -> ExternalKind.TABLE;
            case MemoryType m -> ExternalKind.MEMORY;
            case GlobalType g -> ExternalKind.GLOBAL;
            case TagType t -> ExternalKind.TAG;
        };
    }
}
