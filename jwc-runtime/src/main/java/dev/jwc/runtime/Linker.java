package dev.jwc.runtime;

import dev.jwc.runtime.abi.ResourceImpl;
import dev.jwc.runtime.internal.Item;
import dev.jwc.types.ResourceType;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Resolves a component's imports by name against host definitions. An import {@code x@0.2.a} is
 * satisfied by a definition {@code x@0.2.b} when the versions are semver-compatible.
 */
public final class Linker {
    private final Engine engine;
    private final LinkerInstance root = new LinkerInstance(this);
    private final Map<ResourceType, IntConsumer> hostResources = new IdentityHashMap<>();

    public Linker(Engine engine) {
        this.engine = engine;
    }

    /** The root definitions: top-level import names. */
    public LinkerInstance root() {
        return root;
    }

    /** Resolves the imports of {@code component} once. */
    public InstancePre instantiatePre(Component component) {
        Map<String, Item> defined = root.items();
        Map<String, Item> args = new LinkedHashMap<>();
        for (String name : component.importNames()) {
            Item item = Semver.lookup(defined, name)
                    .orElseThrow(() -> new LinkException("component imports `" + name + "`, which is not defined"));
            args.put(name, item);
        }
        Map<ResourceType, ResourceImpl> impls = new IdentityHashMap<>();
        hostResources.forEach((t, d) -> impls.put(t, new ResourceImpl(Optional.empty(), Optional.of(d))));
        return new InstancePre(component, args, impls);
    }

    public Instance instantiate(Store store, Component component) {
        return instantiatePre(component).instantiate(store);
    }

    Engine engine() {
        return engine;
    }

    void hostResource(ResourceType type, IntConsumer destructor) {
        hostResources.put(type, destructor);
    }
}
