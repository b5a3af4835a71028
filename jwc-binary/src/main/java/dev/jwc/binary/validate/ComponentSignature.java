package dev.jwc.binary.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type of a component: imports and exports by name, in order. {@code importedResources} are the
 * abstract resources of its imports, which instantiation binds to the arguments' resources;
 * {@code definedResources} are those its exports introduce, fresh for each instantiation.
 */
public record ComponentSignature(Map<String, ExternEntity> imports, Map<String, ExternEntity> exports,
        List<ResourceId> importedResources, List<ResourceId> definedResources) implements TypeEntry {
    public ComponentSignature {
        imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
        exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        importedResources = List.copyOf(importedResources);
        definedResources = List.copyOf(definedResources);
    }
}
