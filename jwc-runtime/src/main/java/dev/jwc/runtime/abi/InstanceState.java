package dev.jwc.runtime.abi;

import dev.jwc.types.ResourceType;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Canonical ABI's {@code ComponentInstance}: handle table, reentrance flags and parent. The
 * resource registry is shared by all instances of a store.
 */
public final class InstanceState {
    private final InstanceState parent;
    private final Map<ResourceType, ResourceImpl> resources;
    private final HandleTable handles = new HandleTable();
    boolean mayEnter = true;
    boolean mayLeave = true;
    private long[] context = new long[2];
    private int backpressure;

    public InstanceState(InstanceState parent, Map<ResourceType, ResourceImpl> resources) {
        this.parent = parent;
        this.resources = resources;
    }

    /** A store's shared resource registry. */
    public static Map<ResourceType, ResourceImpl> newRegistry() {
        return new IdentityHashMap<>();
    }

    HandleTable handles() {
        return handles;
    }

    public Map<ResourceType, ResourceImpl> resources() {
        return resources;
    }

    public void setMayLeave(boolean mayLeave) {
        this.mayLeave = mayLeave;
    }

    /** Enters this instance from {@code caller} (null for the host), trapping on forbidden reentrance. */
    public void enterFrom(InstanceState caller) {
        Set<InstanceState> set = enteringSet(caller);
        for (InstanceState i : set) {
            if (!i.mayEnter) {
                throw new dev.jwc.runtime.Trap("wasm trap: cannot enter component instance");
            }
        }
        set.forEach(i -> i.mayEnter = false);
    }

    public void leaveTo(InstanceState caller) {
        enteringSet(caller).forEach(i -> i.mayEnter = true);
    }

    /**
     * Starts a task's thread-local storage ({@code context.get}/{@code set}) at zero and returns the
     * caller's, to be restored by {@link #endTask}.
     */
    public long[] beginTask() {
        long[] saved = context;
        context = new long[2];
        return saved;
    }

    public void endTask(long[] saved) {
        context = saved;
    }

    public long context(int slot) {
        return context[slot];
    }

    public void setContext(int slot, long value) {
        context[slot] = value;
    }

    /** {@code backpressure.inc}/{@code dec}: counted; synchronous calls never wait on it. */
    public void adjustBackpressure(int delta) {
        int next = backpressure + delta;
        dev.jwc.runtime.Trap.trapIf(next < 0 || next >= 1 << 16, "backpressure counter out of range");
        backpressure = next;
    }

    private Set<InstanceState> enteringSet(InstanceState caller) {
        Set<InstanceState> set = selfAndAncestors();
        if (caller != null) {
            set.removeAll(caller.selfAndAncestors());
        }
        return set;
    }

    private Set<InstanceState> selfAndAncestors() {
        Set<InstanceState> s = new HashSet<>();
        for (InstanceState i = this; i != null; i = i.parent) {
            s.add(i);
        }
        return s;
    }
}
