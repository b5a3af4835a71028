package dev.jwc.runtime.internal;

import dev.jwc.runtime.core.CoreModule;
import java.util.Map;

/** A component-level definition as it exists at run time: what index spaces and instance exports hold. */
public sealed interface Item {

    record Func(ComponentFunc func) implements Item {
    }

    /** A component instance: its exports by name. */
    record Instance(Map<String, Item> exports) implements Item {
        public Instance {
            exports = Map.copyOf(exports);
        }
    }

    /** A type: a {@code ValueType}, {@code FuncType}, {@code ResourceType}, or an unresolved type shape. */
    record Type(Object type) implements Item {
    }

    record Module(CoreModule module) implements Item {
    }

    record Component(ComponentDef definition) implements Item {
    }
}
