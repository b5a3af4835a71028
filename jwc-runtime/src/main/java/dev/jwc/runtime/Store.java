package dev.jwc.runtime;

import dev.jwc.runtime.abi.InstanceState;
import dev.jwc.runtime.abi.ResourceImpl;
import dev.jwc.types.ResourceType;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The unit of isolation that component instances live in: it records which instance or host defines
 * each resource type, and how far the memories of its instances may grow. Not thread-safe: use one store
 * per thread.
 */
public final class Store {
    private final Engine engine;
    private final Map<ResourceType, ResourceImpl> resources = InstanceState.newRegistry();
    private final OptionalLong maxMemoryBytes;

    public Store(Engine engine) {
        this.engine = engine;
        this.maxMemoryBytes = OptionalLong.empty();
    }

    /**
     * A store whose core instances may each grow their linear memory to at most {@code maxMemoryBytes} (as
     * Wasmtime's {@code -W max-memory-size}): beyond, {@code memory.grow} returns -1; a memory whose minimum
     * size is larger fails to instantiate with a {@link Trap}.
     */
    public Store(Engine engine, long maxMemoryBytes) {
        if (maxMemoryBytes < 0) {
            throw new IllegalArgumentException("negative memory limit " + maxMemoryBytes);
        }
        this.engine = engine;
        this.maxMemoryBytes = OptionalLong.of(maxMemoryBytes);
    }

    /** The memory limit of every instance in this store, when it has one. */
    public OptionalLong maxMemoryBytes() {
        return maxMemoryBytes;
    }

    public Engine engine() {
        return engine;
    }

    Map<ResourceType, ResourceImpl> resources() {
        return resources;
    }
}
