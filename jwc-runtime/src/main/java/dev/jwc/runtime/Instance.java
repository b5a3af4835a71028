package dev.jwc.runtime;

import dev.jwc.runtime.internal.Item;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A component instance: its exports by name, nested instances by interface name. A command's
 * {@code wasi:cli/run} may be called once per instance; a second call traps.
 */
public final class Instance {
    private static final String CLI_RUN = "wasi:cli/run@";

    private final Item.Instance item;
    private final AtomicBoolean ran;
    private final boolean command;

    Instance(Item.Instance item) {
        this(item, new AtomicBoolean(), false);
    }

    private Instance(Item.Instance item, AtomicBoolean ran, boolean command) {
        this.item = item;
        this.ran = ran;
        this.command = command;
    }

    public Set<String> exportNames() {
        return item.exports().keySet();
    }

    /** The exported function {@code name}. */
    public Optional<Func> func(String name) {
        if (!(item.exports().get(name) instanceof Item.Func f)) {
            return Optional.empty();
        }
        if (command && name.equals("run")) {
            return Optional.of(new Func(f.func(), () -> {
                if (ran.getAndSet(true)) {
                    throw new Trap("wasi:cli/run has already been called on this instance; instantiate again to rerun");
                }
            }));
        }
        return Optional.of(new Func(f.func()));
    }

    /** The exported instance {@code name}, e.g. {@code docs:adder/add@0.1.0}. */
    public Optional<Instance> instance(String name) {
        return item.exports().get(name) instanceof Item.Instance i
                ? Optional.of(new Instance(i, ran, name.startsWith(CLI_RUN)))
                : Optional.empty();
    }

    /** Item {@code name} as linkers hold it, to define it for another component. */
    Optional<Item> item(String name) {
        return Optional.ofNullable(item.exports().get(name));
    }

    Item.Instance item() {
        return item;
    }
}
