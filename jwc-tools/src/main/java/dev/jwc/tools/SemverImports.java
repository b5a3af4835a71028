package dev.jwc.tools;

import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.ResolveBuilder;
import dev.jwc.wit.model.Version;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One interface imported at several semver-compatible versions ({@code a:b/c@0.1.0} and {@code a:b/c@0.1.1}) is
 * imported once, at the newest version, when that version has every function and type the older ones have:
 * the core imports of the older versions then bind to it (see {@link ImportNames}), as wit-component merges them.
 */
final class SemverImports {
    private static final Comparator<Version> ORDER = Comparator.comparingLong(Version::major)
            .thenComparingLong(Version::minor).thenComparingLong(Version::patch);

    private SemverImports() {}

    static Resolve merge(Resolve resolve, WorldId worldId) {
        World world = resolve.get(worldId);
        Set<WorldKey> superseded = new HashSet<>();
        for (WorldKey older : world.imports().keySet()) {
            for (WorldKey newer : world.imports().keySet()) {
                if (supersedes(resolve, world, newer, older)) {
                    superseded.add(older);
                }
            }
        }
        if (superseded.isEmpty()) {
            return resolve;
        }
        Map<WorldKey, WorldItem> imports = new LinkedHashMap<>(world.imports());
        superseded.forEach(imports::remove);
        ResolveBuilder b = resolve.toBuilder();
        b.set(worldId, new World(world.name(), imports, world.exports(), world.pkg(), world.docs(), world.stability()));
        return b.build();
    }

    /** Whether import {@code newer} is a compatible, newer version of import {@code older} with all it has. */
    private static boolean supersedes(Resolve resolve, World world, WorldKey newer, WorldKey older) {
        if (!(newer instanceof WorldKey.Iface(InterfaceId n)) || !(older instanceof WorldKey.Iface(InterfaceId o))
                || !(world.imports().get(newer) instanceof WorldItem.InterfaceItem)
                || !(world.imports().get(older) instanceof WorldItem.InterfaceItem)) {
            return false;
        }
        Optional<Version> nv = version(resolve, n);
        Optional<Version> ov = version(resolve, o);
        if (nv.isEmpty() || ov.isEmpty() || ORDER.compare(nv.get(), ov.get()) <= 0
                || !ImportNames.compatible(resolve.qualifiedName(n).orElseThrow(),
                resolve.qualifiedName(o).orElseThrow())) {
            return false;
        }
        Interface ni = resolve.get(n);
        Interface oi = resolve.get(o);
        return ni.functions().keySet().containsAll(oi.functions().keySet())
                && ni.types().keySet().containsAll(oi.types().keySet());
    }

    private static Optional<Version> version(Resolve resolve, InterfaceId id) {
        return resolve.get(id).pkg().map(p -> resolve.get(p).name()).flatMap(PackageName::version);
    }
}
