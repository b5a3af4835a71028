package dev.jwc.binary.validate;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.TableType;

/** The resolved type of a core import or export. Function and tag types are given structurally. */
public sealed interface CoreEntity {

    /** A function; {@code space} resolves the concrete references of its type. */
    record Func(FuncType type, CoreTypeSpace space) implements CoreEntity {
    }

    record Table(TableType type) implements CoreEntity {
    }

    record Memory(MemoryType type) implements CoreEntity {
    }

    record Global(GlobalType type) implements CoreEntity {
    }

    record Tag(FuncType type) implements CoreEntity {
    }

    default String kind() {
        return switch (this) {
            case Func f -> "func";
            case Table t -> "table";
            case Memory m -> "memory";
            case Global g -> "global";
            case Tag t -> "tag";
        };
    }
}
