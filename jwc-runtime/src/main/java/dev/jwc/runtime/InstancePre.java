package dev.jwc.runtime;

import dev.jwc.runtime.abi.ResourceImpl;
import dev.jwc.runtime.core.CoreLinkException;
import dev.jwc.runtime.internal.ComponentDef;
import dev.jwc.runtime.internal.Instantiator;
import dev.jwc.runtime.internal.Item;
import dev.jwc.types.ResourceType;
import java.util.Map;

/** A component with its imports resolved, ready to be instantiated in any number of stores. */
public final class InstancePre {
    private final Component component;
    private final Map<String, Item> args;
    private final Map<ResourceType, ResourceImpl> hostResources;

    InstancePre(Component component, Map<String, Item> args, Map<ResourceType, ResourceImpl> hostResources) {
        this.component = component;
        this.args = Map.copyOf(args);
        this.hostResources = Map.copyOf(hostResources);
    }

    public Component component() {
        return component;
    }

    /** Instantiates; a trap in a start function or core instantiation throws {@link Trap}. */
    public Instance instantiate(Store store) {
        hostResources.forEach(store.resources()::putIfAbsent);
        Instantiator instantiator = new Instantiator(component.engine().core(), component.compiled(), store.resources(),
                store.maxMemoryBytes());
        try {
            return new Instance(instantiator.instantiate(new ComponentDef(component.model(), null), args, null));
        } catch (CoreLinkException e) {
            throw new LinkException(e.getMessage(), e);
        }
    }
}
