package dev.jwc.runtime;

import dev.jwc.runtime.abi.InstanceState;
import dev.jwc.runtime.abi.ResourceImpl;
import dev.jwc.types.ResourceType;
import java.util.Map;

/**
 * The unit of isolation that component instances live in: it records which instance or host defines
 * each resource type. Not thread-safe: use one store per thread.
 */
public final class Store {
    private final Engine engine;
    private final Map<ResourceType, ResourceImpl> resources = InstanceState.newRegistry();

    public Store(Engine engine) {
        this.engine = engine;
    }

    public Engine engine() {
        return engine;
    }

    Map<ResourceType, ResourceImpl> resources() {
        return resources;
    }
}
