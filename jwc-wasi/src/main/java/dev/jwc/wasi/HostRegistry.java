package dev.jwc.wasi;

import dev.jwc.runtime.HostFunction;
import dev.jwc.types.ResourceType;
import java.util.HashMap;
import java.util.Map;

/**
 * What the interface implementations share: the resource identities of this host (by
 * {@code package/interface#resource}, without version) and the functions they register (by
 * {@code package/interface#function}).
 */
final class HostRegistry {
    private final Map<String, ResourceType> resources;
    private final Map<String, HostFunction> functions = new HashMap<>();
    final HostObjects objects = new HostObjects();

    HostRegistry(Map<String, ResourceType> resources) {
        this.resources = resources;
    }

    ResourceType resource(String iface, String name) {
        ResourceType t = resources.get(iface + "#" + name);
        if (t == null) {
            throw new IllegalStateException("no resource " + iface + "#" + name + " in the bundled WIT");
        }
        return t;
    }

    void define(String iface, String function, HostFunction body) {
        if (functions.putIfAbsent(iface + "#" + function, body) != null) {
            throw new IllegalStateException("defined twice: " + iface + "#" + function);
        }
    }

    HostFunction function(String iface, String function) {
        return functions.get(iface + "#" + function);
    }
}
