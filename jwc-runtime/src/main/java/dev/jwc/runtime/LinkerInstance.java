package dev.jwc.runtime;

import dev.jwc.runtime.internal.HostFunc;
import dev.jwc.runtime.internal.Item;
import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/** Host definitions under one instance name of a {@link Linker} (or its root). */
public final class LinkerInstance {
    private final Linker linker;
    private final Map<String, Object> definitions = new LinkedHashMap<>();

    LinkerInstance(Linker linker) {
        this.linker = linker;
    }

    /** Defines function {@code name} of type {@code type}. */
    public LinkerInstance func(String name, FuncType type, HostFunction body) {
        define(name, new Item.Func(new HostFunc(type, body::call)));
        return this;
    }

    /**
     * Defines resource type {@code name}; {@code destructor} receives the rep when the last own handle
     * is dropped by a guest.
     */
    public LinkerInstance resource(String name, ResourceType type, IntConsumer destructor) {
        define(name, new Item.Type(type));
        linker.hostResource(type, destructor);
        return this;
    }

    /** Defines {@code name} as another name of a resource type defined before (same identity). */
    public LinkerInstance resourceAlias(String name, ResourceType type) {
        define(name, new Item.Type(type));
        return this;
    }

    /** Defines value type {@code name}, for imports that name it (e.g. a WIT record an interface exports). */
    public LinkerInstance type(String name, ValueType type) {
        define(name, new Item.Type(type));
        return this;
    }

    /** Defines a core module that components can import. */
    public LinkerInstance module(String name, byte[] coreWasm) {
        define(name, new Item.Module(linker.engine().core().compile(coreWasm)));
        return this;
    }

    /** Defines {@code name} as the exports of an existing instance. */
    public LinkerInstance instance(String name, Instance instance) {
        define(name, instance.item());
        return this;
    }

    /** The nested instance {@code name}, created on first use. */
    public LinkerInstance instance(String name) {
        Object existing = definitions.get(name);
        if (existing instanceof LinkerInstance li) {
            return li;
        }
        if (existing != null) {
            throw new IllegalStateException("`" + name + "` is already defined");
        }
        LinkerInstance li = new LinkerInstance(linker);
        definitions.put(name, li);
        return li;
    }

    private void define(String name, Item item) {
        if (definitions.putIfAbsent(name, item) != null) {
            throw new IllegalStateException("`" + name + "` is already defined");
        }
    }

    Map<String, Item> items() {
        Map<String, Item> out = new LinkedHashMap<>();
        definitions.forEach((name, d) -> out.put(name, d instanceof LinkerInstance li ? new Item.Instance(li.items()) : (Item) d));
        return out;
    }
}
