package dev.jwc.runtime;

import dev.jwc.types.ResourceHandle;
import dev.jwc.types.ResourceType;
import java.util.Objects;

/**
 * A resource as host code holds it in {@code Val.Own} and {@code Val.Borrow}: its type and its
 * representation. For host-defined resources the host chooses {@code rep}; resources of guest types
 * come from lifted results and go back into calls unchanged.
 */
public record Resource(ResourceType type, int rep) implements ResourceHandle {
    public Resource {
        Objects.requireNonNull(type, "type");
    }
}
