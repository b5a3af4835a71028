package dev.jwc.runtime;

import dev.jwc.types.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Host-side state of host-defined resources: {@link #push} stores a Java object and returns the
 * {@link Resource} (its rep is the slot) to hand to guests; host functions map resources they receive
 * back to their objects with {@link #get}, and destructors release them with {@link #delete}.
 * Not thread-safe, like the {@link Store} it serves.
 */
public final class ResourceTable {
    private final List<Entry> slots = new ArrayList<>();
    private final List<Integer> free = new ArrayList<>();

    private record Entry(ResourceType type, Object value) {
    }

    /** Stores {@code value} as a resource of type {@code type}. */
    public Resource push(ResourceType type, Object value) {
        Entry e = new Entry(type, value);
        if (!free.isEmpty()) {
            int rep = free.remove(free.size() - 1);
            slots.set(rep, e);
            return new Resource(type, rep);
        }
        slots.add(e);
        return new Resource(type, slots.size() - 1);
    }

    /** The object behind {@code resource}; a stale or mistyped resource is a {@link Trap}. */
    public <T> T get(Resource resource, Class<T> kind) {
        Entry e = entry(resource.type(), resource.rep());
        if (!kind.isInstance(e.value())) {
            throw new Trap("resource " + resource.rep() + " holds a " + e.value().getClass().getSimpleName()
                    + ", not a " + kind.getSimpleName());
        }
        return kind.cast(e.value());
    }

    /** Removes the object with representation {@code rep} of type {@code type} (from a destructor) and returns it. */
    public Object delete(ResourceType type, int rep) {
        Entry e = entry(type, rep);
        slots.set(rep, null);
        free.add(rep);
        return e.value();
    }

    private Entry entry(ResourceType type, int rep) {
        Entry e = rep >= 0 && rep < slots.size() ? slots.get(rep) : null;
        if (e == null || e.type() != type) {
            throw new Trap("unknown host resource " + rep + " of type " + type.name());
        }
        return e;
    }
}
