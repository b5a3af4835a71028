package dev.jwc.binary.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type of a component instance: its exports by name, in order. {@code definedResources} are the
 * abstract resources this type introduces ({@code (export "r" (type (sub resource)))}, also nested);
 * each import of the type gets fresh ones.
 */
public record InstanceSignature(Map<String, ExternEntity> exports, List<ResourceId> definedResources)
        implements TypeEntry {
    public InstanceSignature {
        exports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        definedResources = List.copyOf(definedResources);
    }

    public static InstanceSignature of(Map<String, ExternEntity> exports) {
        return new InstanceSignature(exports, List.of());
    }
}
