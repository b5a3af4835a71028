package dev.jwc.tools;

import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The world's exports in the order the component exports them: an exported interface after the exported
 * interfaces whose types it uses, otherwise in world order.
 */
final class ExportOrder {
    private final Resolve resolve;
    private final Map<InterfaceId, WorldKey> exportedInterfaces = new LinkedHashMap<>();
    private final Map<WorldKey, WorldItem> items;
    private final Map<WorldKey, WorldItem> ordered = new LinkedHashMap<>();
    private final Set<WorldKey> visiting = new HashSet<>();

    private ExportOrder(Resolve resolve, World world) {
        this.resolve = resolve;
        this.items = world.exports();
        items.forEach((key, item) -> {
            if (item instanceof WorldItem.InterfaceItem i) {
                exportedInterfaces.put(i.id(), key);
            }
        });
    }

    static Map<WorldKey, WorldItem> of(Resolve resolve, World world) {
        ExportOrder o = new ExportOrder(resolve, world);
        o.items.keySet().forEach(o::visit);
        return o.ordered;
    }

    /** Depth-first; the depth is bounded by the number of exports, which a world lists explicitly. */
    private void visit(WorldKey key) {
        if (ordered.containsKey(key) || !visiting.add(key)) {
            return;
        }
        if (items.get(key) instanceof WorldItem.InterfaceItem i) {
            dependencies(i.id()).forEach(this::visit);
        }
        ordered.put(key, items.get(key));
    }

    /** The other exported interfaces whose types {@code id}'s types name directly. */
    private List<WorldKey> dependencies(InterfaceId id) {
        List<WorldKey> deps = new ArrayList<>();
        for (var type : resolve.get(id).types().values()) {
            if (resolve.get(type).kind() instanceof TypeDefKind.Alias(Type.Ref(var target))
                    && resolve.get(target).owner() instanceof TypeOwner.InInterface(InterfaceId owner)
                    && !owner.equals(id) && exportedInterfaces.containsKey(owner)) {
                deps.add(exportedInterfaces.get(owner));
            }
        }
        return deps;
    }
}
