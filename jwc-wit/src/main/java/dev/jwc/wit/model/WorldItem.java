package dev.jwc.wit.model;

import java.util.Objects;

/** What a world imports or exports. */
public sealed interface WorldItem {

    /** An interface; the stability is the gate written on the import or export. */
    record InterfaceItem(InterfaceId id, Stability stability) implements WorldItem {
        public InterfaceItem {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(stability, "stability");
        }
    }

    /** A function imported or exported directly. */
    record FunctionItem(Function function) implements WorldItem {
        public FunctionItem {
            Objects.requireNonNull(function, "function");
        }
    }

    /** A type (only as an import: types declared in the world or {@code use}d into it). */
    record TypeItem(TypeId id) implements WorldItem {
        public TypeItem {
            Objects.requireNonNull(id, "id");
        }
    }
}
