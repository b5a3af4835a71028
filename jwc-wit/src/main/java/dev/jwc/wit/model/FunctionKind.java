package dev.jwc.wit.model;

import java.util.Objects;
import java.util.Optional;

/** Whether a function stands alone or belongs to a resource, and whether it is {@code async}. */
public sealed interface FunctionKind {

    /** The resource a method, static function or constructor belongs to. */
    default Optional<TypeId> owningResource() {
        return switch (this) {
            case Freestanding f -> Optional.empty();
            case Method m -> Optional.of(m.resource());
            case Static s -> Optional.of(s.resource());
            case Constructor c -> Optional.of(c.resource());
        };
    }

    boolean isAsync();

    /** {@code name: [async] func(...)}. */
    record Freestanding(boolean isAsync) implements FunctionKind {}

    /** {@code name: [async] func(...)} inside a resource: takes {@code self: borrow<resource>} first. */
    record Method(TypeId resource, boolean isAsync) implements FunctionKind {
        public Method {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** {@code name: static [async] func(...)} inside a resource. */
    record Static(TypeId resource, boolean isAsync) implements FunctionKind {
        public Static {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** {@code constructor(...)} of a resource; its result is {@code own<resource>} (or a result of it). */
    record Constructor(TypeId resource) implements FunctionKind {
        public Constructor {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public boolean isAsync() {
            return false;
        }
    }
}
