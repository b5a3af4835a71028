package dev.jwc.wit.model;

import java.util.Map;
import java.util.Objects;

/** A package: its name and its interfaces and worlds by name, in declaration order. */
public record WitPackage(PackageName name, Docs docs, Map<String, InterfaceId> interfaces,
                         Map<String, WorldId> worlds) {
    public WitPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(docs, "docs");
        interfaces = OrderedMaps.copyOf(interfaces);
        worlds = OrderedMaps.copyOf(worlds);
    }
}
