package dev.jwc.binary.validate;

import dev.jwc.binary.core.types.SubType;
import java.util.List;
import java.util.Optional;

/**
 * The defined types that the concrete heap types ({@code (ref $t)}) of a core type refer to by index: the types of
 * the module, module type or component that defines it. GC lifting and lowering look through such references.
 */
@FunctionalInterface
public interface CoreTypeSpace {
    /** For core types without concrete references. */
    CoreTypeSpace NONE = index -> Optional.empty();

    /** The defined type at {@code index}, or empty when the index names none (or names a module type). */
    Optional<SubType> at(int index);

    /** The space of {@code types}, which may grow later but keeps the types it has. */
    static CoreTypeSpace of(List<SubType> types) {
        return index -> index >= 0 && index < types.size() ? Optional.of(types.get(index)) : Optional.empty();
    }
}
