package dev.jwc.runtime;

import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.ValueType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The full type of a component import or export, as {@link Component#importTypes()} reflects it. */
public sealed interface ItemType {

    /** A function: named parameters and result. */
    record Func(FuncType type) implements ItemType {
    }

    /** An instance: its exports by name, in declaration order. */
    record Instance(Map<String, ItemType> exports) implements ItemType {
        public Instance {
            exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        }

        /** The function export {@code name}, if there is one. */
        public Optional<FuncType> func(String name) {
            return exports.get(name) instanceof Func f ? Optional.of(f.type()) : Optional.empty();
        }
    }

    /** A resource type; imported abstract resources get a fresh identity named after the import. */
    record Resource(ResourceType type) implements ItemType {
    }

    /** A named type: a value type, or empty for a component or instance type. */
    record Type(Optional<ValueType> type) implements ItemType {
    }

    /** A core module. */
    record Module() implements ItemType {
    }

    /** A component. */
    record Component() implements ItemType {
    }

    /** A component value (not supported at run time). */
    record Value() implements ItemType {
    }
}
