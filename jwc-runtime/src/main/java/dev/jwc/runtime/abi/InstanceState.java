package dev.jwc.runtime.abi;

import dev.jwc.types.ResourceType;
import java.util.IdentityHashMap;
import java.util.Map;

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
    /** The running task's {@code context.get}/{@code set} slots; null while both are zero. */
    private long[] context;
    private AsyncResult asyncResult;
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

    /**
     * Enters this instance from {@code caller} (null for the host), trapping on forbidden reentrance:
     * the entering set is this instance and its ancestors minus those the caller is already inside.
     */
    public void enterFrom(InstanceState caller) {
        if (caller == null) {
            enterFromHost();
            return;
        }
        for (InstanceState i = this; i != null; i = i.parent) {
            if (!i.mayEnter && !insideOf(caller, i)) {
                throw new dev.jwc.runtime.Trap("wasm trap: cannot enter component instance");
            }
        }
        for (InstanceState i = this; i != null; i = i.parent) {
            if (!insideOf(caller, i)) {
                i.mayEnter = false;
            }
        }
    }

    /** {@link #enterFrom} for the host, which is inside of no instance: one walk up the parents. */
    private void enterFromHost() {
        for (InstanceState i = this; i != null; i = i.parent) {
            if (!i.mayEnter) {
                throw new dev.jwc.runtime.Trap("wasm trap: cannot enter component instance");
            }
        }
        for (InstanceState i = this; i != null; i = i.parent) {
            i.mayEnter = false;
        }
    }

    public void leaveTo(InstanceState caller) {
        if (caller == null) {
            for (InstanceState i = this; i != null; i = i.parent) {
                i.mayEnter = true;
            }
            return;
        }
        for (InstanceState i = this; i != null; i = i.parent) {
            if (!insideOf(caller, i)) {
                i.mayEnter = true;
            }
        }
    }

    /** Whether {@code caller} is {@code inst} or one of its descendants. */
    private static boolean insideOf(InstanceState caller, InstanceState inst) {
        for (InstanceState c = caller; c != null; c = c.parent) {
            if (c == inst) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a task's thread-local storage ({@code context.get}/{@code set}) at zero and returns the
     * caller's, to be restored by {@link #endTask}.
     */
    public long[] beginTask() {
        long[] saved = context;
        context = null;
        return saved;
    }

    public void endTask(long[] saved) {
        context = saved;
    }

    /** Starts an async-lifted task whose result {@code task.return} delivers; returns the caller's slot. */
    public AsyncResult beginAsync(AsyncResult slot) {
        AsyncResult saved = asyncResult;
        asyncResult = slot;
        return saved;
    }

    public void endAsync(AsyncResult saved) {
        asyncResult = saved;
    }

    /** The result slot of the running async-lifted task, for {@code task.return}. */
    public AsyncResult asyncResult() {
        dev.jwc.runtime.Trap.trapIf(asyncResult == null, "task.return called outside of an async-lifted task");
        return asyncResult;
    }

    public long context(int slot) {
        return context == null ? 0 : context[slot];
    }

    public void setContext(int slot, long value) {
        if (context == null) {
            context = new long[2];
        }
        context[slot] = value;
    }

    /** {@code backpressure.inc}/{@code dec}: counted; synchronous calls never wait on it. */
    public void adjustBackpressure(int delta) {
        int next = backpressure + delta;
        dev.jwc.runtime.Trap.trapIf(next < 0 || next >= 1 << 16, "backpressure counter out of range");
        backpressure = next;
    }

}
