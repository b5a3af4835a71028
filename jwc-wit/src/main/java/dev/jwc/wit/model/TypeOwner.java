package dev.jwc.wit.model;

import java.util.Objects;

/** Where a type definition was declared: in an interface, in a world, or nowhere (anonymous types). */
public sealed interface TypeOwner {

    /** Anonymous types such as {@code list<u8>} have no owner. */
    TypeOwner NONE = NoOwner.INSTANCE;

    record InInterface(InterfaceId id) implements TypeOwner {
        public InInterface {
            Objects.requireNonNull(id, "id");
        }
    }

    record InWorld(WorldId id) implements TypeOwner {
        public InWorld {
            Objects.requireNonNull(id, "id");
        }
    }

    enum NoOwner implements TypeOwner { INSTANCE }
}
