package dev.jwc.runtime;

import dev.jwc.runtime.internal.Item;
import java.util.Optional;
import java.util.Set;

/** A component instance: its exports by name, nested instances by interface name. */
public final class Instance {
    private final Item.Instance item;

    Instance(Item.Instance item) {
        this.item = item;
    }

    public Set<String> exportNames() {
        return item.exports().keySet();
    }

    /** The exported function {@code name}. */
    public Optional<Func> func(String name) {
        return item.exports().get(name) instanceof Item.Func f ? Optional.of(new Func(f.func())) : Optional.empty();
    }

    /** The exported instance {@code name}, e.g. {@code docs:adder/add@0.1.0}. */
    public Optional<Instance> instance(String name) {
        return item.exports().get(name) instanceof Item.Instance i ? Optional.of(new Instance(i)) : Optional.empty();
    }

    /** Item {@code name} as linkers hold it, to define it for another component. */
    Optional<Item> item(String name) {
        return Optional.ofNullable(item.exports().get(name));
    }

    Item.Instance item() {
        return item;
    }
}
