package dev.jwc.wit.model;

import java.util.Objects;

/** What a world imports or exports. */
public sealed interface WorldItem {

    /**
     * An interface. The stability is the gate written on the import or export statement, the docs are the
     * comments on a by-reference statement such as {@code /// docs \n import wasi:io/poll;} (an inline
     * interface keeps its docs on the {@link Interface} itself).
     */
    record InterfaceItem(InterfaceId id, Stability stability, Docs docs) implements WorldItem {
        public InterfaceItem {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(stability, "stability");
            Objects.requireNonNull(docs, "docs");
        }

        public InterfaceItem(InterfaceId id, Stability stability) {
            this(id, stability, Docs.NONE);
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
