package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import dev.jwc.wit.syntax.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** A world while resolving, with its not yet merged {@code include}s. */
final class MutableWorld {
    String name;
    LinkedHashMap<WorldKey, WorldItem> imports = new LinkedHashMap<>();
    LinkedHashMap<WorldKey, WorldItem> exports = new LinkedHashMap<>();
    Docs docs = Docs.NONE;
    Stability stability = Stability.UNKNOWN;
    PackageId pkg;
    List<PendingInclude> includes = new ArrayList<>();

    /** {@code include world with { name as as }}, resolved to a world id but not yet merged. */
    record PendingInclude(Stability stability, WorldId world, List<Rename> names, Span span) {}

    record Rename(String name, String as) {}

    World freeze() {
        return new World(name, imports, exports, Optional.ofNullable(pkg), docs, stability);
    }
}
