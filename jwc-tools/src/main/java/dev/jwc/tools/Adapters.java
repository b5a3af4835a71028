package dev.jwc.tools;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.Import;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.ResolveBuilder;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import dev.jwc.wit.resolve.ResolveMerge;
import dev.jwc.witcomponent.ComponentTypeSection;
import dev.jwc.witcomponent.WitComponentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The adapters of {@code component new --adapt NAME=ADAPTER}, merged into the main module's world as
 * wit-component merges them: each adapter's world joins the main world (its imports beside the main module's,
 * its exports among the component's), and each adapter is trimmed to what the main module imports from it and
 * what its world exports, so the component imports only what is really used.
 */
final class Adapters {
    /** A trimmed adapter: its module name, module, and the world exports it implements. */
    record Adapter(String name, CoreModule module, Set<WorldKey> exports) {
        Adapter {
            exports = Set.copyOf(exports);
        }
    }

    /** The merged world and the adapters that are used (an adapter nothing needs is left out). */
    record Merged(Resolve resolve, WorldId world, List<Adapter> adapters) {
        Merged {
            adapters = List.copyOf(adapters);
        }
    }

    private Adapters() {}

    /**
     * Merges {@code adapters} (module name to adapter module with its {@code component-type} section) into the
     * world of {@code main}.
     */
    static Merged merge(CoreModule main, Resolve resolve, WorldId world, Map<String, CoreModule> adapters) {
        List<Adapter> merged = new ArrayList<>();
        for (var entry : adapters.entrySet()) {
            String name = entry.getKey();
            ComponentTypeSection.Decoded metadata = metadata(name, entry.getValue());
            ResolveMerge.Merged m = ResolveMerge.merge(resolve, metadata.resolve());
            WorldId adapterWorld = m.fromWorld(metadata.world());
            World into = m.resolve().get(world);
            World from = m.resolve().get(adapterWorld);
            Map<WorldKey, WorldItem> imports = new LinkedHashMap<>(into.imports());
            from.imports().forEach(imports::putIfAbsent);
            Map<WorldKey, WorldItem> exports = new LinkedHashMap<>(into.exports());
            from.exports().forEach((key, item) -> {
                if (exports.putIfAbsent(key, item) != null) {
                    throw new ToolsException("export `" + ComponentNew.keyName(m.resolve(), key)
                            + "` is defined by both the module and adapter `" + name + "`");
                }
            });
            ResolveBuilder b = m.resolve().toBuilder();
            b.set(world, new World(into.name(), imports, exports, into.pkg(), into.docs(), into.stability()));
            resolve = b.build();
            Set<String> required = required(main, name, entry.getValue(), resolve, from.exports());
            if (!required.isEmpty()) {
                CoreModule trimmed = AdapterGc.trim(name, ComponentNew.withoutMetadata(entry.getValue()), required,
                        Lowerings.reallocExport(main));
                merged.add(new Adapter(name, trimmed, from.exports().keySet()));
            }
        }
        return new Merged(resolve, world, merged);
    }

    private static ComponentTypeSection.Decoded metadata(String name, CoreModule adapter) {
        List<ComponentTypeSection.Decoded> found;
        try {
            found = ComponentTypeSection.findAll(adapter);
        } catch (WitComponentException e) {
            throw new ToolsException("adapter `" + name + "`: " + e.getMessage(), e);
        }
        if (found.size() != 1) {
            throw new ToolsException("adapter `" + name + "` must have exactly one `component-type` section, not "
                    + found.size());
        }
        return found.getFirst();
    }

    /**
     * What the adapter must keep exporting: the functions the main module imports from it, and the core
     * functions of its world's exports (with their {@code cabi_post_} functions).
     */
    private static Set<String> required(CoreModule main, String name, CoreModule adapter, Resolve resolve,
                                        Map<WorldKey, WorldItem> exports) {
        Set<String> required = new LinkedHashSet<>();
        for (Import i : main.imports()) {
            if (i.module().equals(name)) {
                required.add(i.name());
            }
        }
        List<String> coreNames = new ArrayList<>();
        exports.forEach((key, item) -> {
            switch (item) {
                case WorldItem.FunctionItem(Function f) -> coreNames.add(f.name());
                case WorldItem.InterfaceItem i -> resolve.get(i.id()).functions().keySet()
                        .forEach(f -> coreNames.add(ComponentNew.keyName(resolve, key) + "#" + f));
                case WorldItem.TypeItem t -> { }
            }
        });
        for (String core : coreNames) {
            required.add(core);
            String postReturn = ComponentNew.POST_RETURN + core;
            if (adapter.exports().stream().map(Export::name).anyMatch(postReturn::equals)) {
                required.add(postReturn);
            }
        }
        return required;
    }
}
