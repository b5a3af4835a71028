package dev.jwc.tools;

import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.ResolveBuilder;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges imports of one interface at semver-compatible versions into the newest, as wit-component does
 * ({@code a:b/c@0.1.0} and {@code a:b/c@0.1.1} become one import of {@code @0.1.1}): the older import goes when the
 * newer interface has every function and type it has and nothing else in the world uses its types. Core imports
 * of the older version then find the newer one through {@link ImportNames}.
 */
final class ImportVersions {
    private ImportVersions() {}

    static Resolve merge(Resolve resolve, WorldId worldId) {
        World world = resolve.get(worldId);
        List<InterfaceId> imported = new ArrayList<>();
        world.imports().forEach((key, item) -> {
            if (key instanceof WorldKey.Iface(InterfaceId id) && resolve.qualifiedName(id).isPresent()) {
                imported.add(id);
            }
        });
        Map<WorldKey, WorldItem> imports = new LinkedHashMap<>(world.imports());
        for (InterfaceId older : imported) {
            String olderName = resolve.qualifiedName(older).orElseThrow();
            Optional<InterfaceId> newer = imported.stream()
                    .filter(n -> !n.equals(older) && imports.containsKey(new WorldKey.Iface(n)))
                    .filter(n -> {
                        String name = resolve.qualifiedName(n).orElseThrow();
                        return ImportNames.compatible(name, olderName) && ImportNames.newer(name, olderName);
                    })
                    .findFirst();
            if (newer.isPresent() && covers(resolve, newer.get(), older) && !usedElsewhere(resolve, world, older)) {
                imports.remove(new WorldKey.Iface(older));
            }
        }
        if (imports.size() == world.imports().size()) {
            return resolve;
        }
        ResolveBuilder b = resolve.toBuilder();
        b.set(worldId, new World(world.name(), imports, world.exports(), world.pkg(), world.docs(), world.stability()));
        return b.build();
    }

    /** Whether {@code newer} has every function and type name of {@code older}. */
    private static boolean covers(Resolve resolve, InterfaceId newer, InterfaceId older) {
        Interface n = resolve.get(newer);
        Interface o = resolve.get(older);
        return n.functions().keySet().containsAll(o.functions().keySet())
                && n.types().keySet().containsAll(o.types().keySet());
    }

    /** Whether another interface of the world, or a world item, refers to a type of {@code older}. */
    private static boolean usedElsewhere(Resolve resolve, World world, InterfaceId older) {
        List<WorldItem> items = new ArrayList<>(world.imports().values());
        items.addAll(world.exports().values());
        for (WorldItem item : items) {
            switch (item) {
                case WorldItem.InterfaceItem i when !i.id().equals(older) -> {
                    for (TypeId t : resolve.get(i.id()).types().values()) {
                        if (resolve.get(t).kind() instanceof TypeDefKind.Alias(Type.Ref(TypeId target))
                                && resolve.get(target).owner() instanceof TypeOwner.InInterface(InterfaceId owner)
                                && owner.equals(older)) {
                            return true;
                        }
                    }
                }
                case WorldItem.TypeItem(TypeId t) -> {
                    if (resolve.get(t).kind() instanceof TypeDefKind.Alias(Type.Ref(TypeId target))
                            && resolve.get(target).owner() instanceof TypeOwner.InInterface(InterfaceId owner)
                            && owner.equals(older)) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }
}
