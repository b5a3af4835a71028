package dev.jwc.wit.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A world with its imports and exports in order; {@code include}s have already been merged in.
 *
 * @param pkg the owning package; empty only while resolving
 */
public record World(String name, Map<WorldKey, WorldItem> imports, Map<WorldKey, WorldItem> exports,
                    Optional<PackageId> pkg, Docs docs, Stability stability) {
    public World {
        Objects.requireNonNull(name, "name");
        imports = OrderedMaps.copyOf(imports);
        exports = OrderedMaps.copyOf(exports);
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(stability, "stability");
    }
}
