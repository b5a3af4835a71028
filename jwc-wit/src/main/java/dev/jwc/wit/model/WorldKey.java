package dev.jwc.wit.model;

import java.util.Objects;

/** The key of a world import or export: a plain name, or an interface imported by its own identity. */
public sealed interface WorldKey {

    /** {@code import name: ...}. */
    record Name(String name) implements WorldKey {
        public Name {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code import pkg:ns/iface;} or {@code import iface;}: keyed by the interface itself. */
    record Iface(InterfaceId id) implements WorldKey {
        public Iface {
            Objects.requireNonNull(id, "id");
        }
    }
}
