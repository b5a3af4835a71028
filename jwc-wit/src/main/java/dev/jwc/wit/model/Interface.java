package dev.jwc.wit.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An interface: named types and functions in declaration order.
 *
 * @param name      empty for an interface written inline in a world ({@code import x: interface { ... }})
 * @param types     the named types declared or {@code use}d here, by name
 * @param functions by mangled name (see {@link Function#name()})
 * @param pkg       the owning package; empty only while resolving
 */
public record Interface(Optional<String> name, Map<String, TypeId> types, Map<String, Function> functions,
                        Docs docs, Stability stability, Optional<PackageId> pkg) {
    public Interface {
        Objects.requireNonNull(name, "name");
        types = OrderedMaps.copyOf(types);
        functions = OrderedMaps.copyOf(functions);
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(pkg, "pkg");
    }
}
