package dev.jwc.wasi;

import dev.jwc.runtime.Resource;
import dev.jwc.runtime.Trap;
import dev.jwc.types.ResourceHandle;
import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The host side of WASI resources: rep → Java object, with the resource type each rep was made for. */
final class HostObjects {
    private final Map<Integer, Object> objects = new HashMap<>();
    private int next = 1;

    /** A new own handle of {@code type} for {@code object}. */
    Val own(ResourceType type, Object object) {
        int rep = next++;
        objects.put(rep, object);
        return new Val.Own(new Resource(type, rep));
    }

    /** The object behind a borrowed or owned handle, which must be a {@code kind}. */
    <T> T get(Val handle, Class<T> kind) {
        ResourceHandle h = switch (handle) {
            case Val.Borrow b -> b.handle();
            case Val.Own o -> o.handle();
            default -> throw new IllegalArgumentException("not a handle: " + handle);
        };
        Object object = objects.get(((Resource) h).rep());
        if (!kind.isInstance(object)) {
            throw new Trap("WASI resource " + ((Resource) h).rep() + " is not a live " + h.type().name());
        }
        return kind.cast(object);
    }

    /** The destructor: forgets the rep and closes what it held. */
    void drop(int rep) {
        if (objects.remove(rep) instanceof Closeable c) {
            try {
                c.close();
            } catch (IOException e) {
                throw new Trap("closing a WASI resource failed: " + e.getMessage(), e);
            }
        }
    }
}
