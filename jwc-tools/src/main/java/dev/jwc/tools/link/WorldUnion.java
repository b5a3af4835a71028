package dev.jwc.tools.link;

import dev.jwc.tools.ToolsException;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.ResolveBuilder;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import dev.jwc.wit.resolve.ResolveMerge;
import dev.jwc.witcomponent.ComponentTypeSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The world of a linked component: the union of its libraries' worlds (imports shared, exports disjoint). */
final class WorldUnion {
    private WorldUnion() {}

    static ComponentTypeSection.Decoded of(List<ComponentTypeSection.Decoded> worlds) {
        ComponentTypeSection.Decoded first = worlds.getFirst();
        Resolve resolve = first.resolve();
        WorldId world = first.world();
        for (ComponentTypeSection.Decoded next : worlds.subList(1, worlds.size())) {
            ResolveMerge.Merged m = ResolveMerge.merge(resolve, next.resolve());
            World into = m.resolve().get(world);
            World from = m.resolve().get(m.fromWorld(next.world()));
            Map<WorldKey, WorldItem> imports = new LinkedHashMap<>(into.imports());
            from.imports().forEach(imports::putIfAbsent);
            Map<WorldKey, WorldItem> exports = new LinkedHashMap<>(into.exports());
            from.exports().forEach((key, item) -> {
                if (exports.putIfAbsent(key, item) != null && !exports.get(key).equals(item)) {
                    throw new ToolsException("export `" + keyName(m.resolve(), key)
                            + "` is defined by more than one library");
                }
            });
            ResolveBuilder b = m.resolve().toBuilder();
            b.set(world, new World(into.name(), imports, exports, into.pkg(), into.docs(), into.stability()));
            resolve = b.build();
        }
        return new ComponentTypeSection.Decoded(resolve, world, first.encoding());
    }

    /** The names of the world exports a library implements ({@code f} or {@code ns:pkg/iface}). */
    static Set<String> exportNames(List<ComponentTypeSection.Decoded> worlds) {
        Set<String> names = new TreeSet<>();
        for (ComponentTypeSection.Decoded w : worlds) {
            w.resolve().get(w.world()).exports().keySet().forEach(k -> names.add(keyName(w.resolve(), k)));
        }
        return names;
    }

    static String keyName(Resolve resolve, WorldKey key) {
        return switch (key) {
            case WorldKey.Name(String n) -> n;
            case WorldKey.Iface(dev.jwc.wit.model.InterfaceId id) -> resolve.qualifiedName(id).orElseThrow();
        };
    }
}
