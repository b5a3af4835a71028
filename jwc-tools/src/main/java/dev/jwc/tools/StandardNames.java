package dev.jwc.tools;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.Import;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The component model's standard core names (the {@code cm32p2} scheme of component-model#378:
 * {@code cm32p2|ns:pkg/i@0.2} imports, {@code cm32p2|ns:pkg/i@0.2|f} exports, {@code r_drop}, {@code _post},
 * {@code cm32p2_memory}, ...) rewritten to the names wit-component used before it, which the rest of
 * {@code component new} reads. Interfaces are named with canonical versions ({@code @0.2} for {@code 0.2.1}).
 */
final class StandardNames {
    private static final String PREFIX = "cm32p2";
    private static final String EXPORTED = "_ex_";

    private final Resolve resolve;
    private final World world;

    private StandardNames(Resolve resolve, WorldId world) {
        this.resolve = resolve;
        this.world = resolve.get(world);
    }

    /** {@code module} with its standard names rewritten; a module without any is returned as is. */
    static CoreModule toLegacy(CoreModule module, Resolve resolve, WorldId world) {
        boolean standard = module.imports().stream().anyMatch(i -> i.module().startsWith(PREFIX))
                || module.exports().stream().anyMatch(e -> e.name().startsWith(PREFIX));
        if (!standard) {
            return module;
        }
        StandardNames names = new StandardNames(resolve, world);
        List<Import> imports = module.imports().stream().map(names::importName).toList();
        List<Export> exports = module.exports().stream()
                .map(e -> new Export(names.exportName(e.name()), e.kind(), e.index())).toList();
        return new CoreModule(module.types(), imports, module.functions(), module.tables(), module.memories(),
                module.tags(), module.globals(), exports, module.start(), module.elements(), module.dataCount(),
                module.code(), module.data(), module.customSections());
    }

    private Import importName(Import i) {
        if (!i.module().startsWith(PREFIX)) {
            return i;
        }
        String rest = i.module().substring(PREFIX.length());
        if (rest.isEmpty()) {
            return new Import(ComponentNew.ROOT_MODULE, intrinsic(i.name(), worldTypes()), i.type());
        }
        if (!rest.startsWith("|")) {
            return i;
        }
        String target = rest.substring(1);
        boolean exported = target.startsWith(EXPORTED);
        target = exported ? target.substring(EXPORTED.length()) : target;
        Optional<Map.Entry<WorldKey, WorldItem>> item = find(exported ? world.exports() : world.imports(), target);
        String module = item.map(e -> ComponentNew.keyName(resolve, e.getKey())).orElse(target);
        Map<String, TypeId> types = item.map(e -> e.getValue() instanceof WorldItem.InterfaceItem it
                ? resolve.get(it.id()).types() : Map.<String, TypeId>of()).orElse(Map.of());
        return new Import(exported ? Lowerings.EXPORT_PREFIX + module : module, intrinsic(i.name(), types), i.type());
    }

    /** {@code r_drop}, {@code r_new}, {@code r_rep} of resource {@code r} among {@code types}. */
    private String intrinsic(String name, Map<String, TypeId> types) {
        for (Lowerings.ResourceIntrinsic intrinsic : Lowerings.ResourceIntrinsic.values()) {
            String suffix = "_" + intrinsic.name().toLowerCase(Locale.ROOT);
            if (name.endsWith(suffix)) {
                String resource = name.substring(0, name.length() - suffix.length());
                TypeId id = types.get(resource);
                if (id != null && resolve.get(id).kind() instanceof TypeDefKind.Resource) {
                    return intrinsic.prefix + resource;
                }
            }
        }
        return name;
    }

    private Map<String, TypeId> worldTypes() {
        Map<String, TypeId> types = new HashMap<>();
        world.imports().forEach((key, item) -> {
            if (item instanceof WorldItem.TypeItem t && key instanceof WorldKey.Name(String n)) {
                types.put(n, t.id());
            }
        });
        return types;
    }

    private String exportName(String name) {
        if (!name.startsWith(PREFIX)) {
            return name;
        }
        String rest = name.substring(PREFIX.length());
        switch (rest) {
            case "_memory" -> {
                return ComponentNew.MEMORY;
            }
            case "_realloc" -> {
                return ComponentNew.REALLOC;
            }
            case "_initialize" -> {
                return ComponentNew.INITIALIZE;
            }
            default -> { }
        }
        if (!rest.startsWith("|")) {
            return name;
        }
        int bar = rest.indexOf('|', 1);
        if (bar < 0) {
            return name;
        }
        String target = rest.substring(1, bar);
        String item = rest.substring(bar + 1);
        String postReturn = item.endsWith("_post") ? ComponentNew.POST_RETURN : "";
        item = postReturn.isEmpty() ? item : item.substring(0, item.length() - "_post".length());
        if (target.isEmpty()) {
            return postReturn + item;
        }
        Optional<Map.Entry<WorldKey, WorldItem>> export = find(world.exports(), target);
        if (export.isEmpty() || !(export.get().getValue() instanceof WorldItem.InterfaceItem iface)) {
            return name;
        }
        String key = ComponentNew.keyName(resolve, export.get().getKey());
        Interface i = resolve.get(iface.id());
        if (postReturn.isEmpty() && item.endsWith("_dtor") && !i.functions().containsKey(item)) {
            return key + "#[dtor]" + item.substring(0, item.length() - "_dtor".length());
        }
        return postReturn + key + "#" + item;
    }

    /** The interface {@code name} names: a plain world key, or an interface by its canonical name. */
    private Optional<Map.Entry<WorldKey, WorldItem>> find(Map<WorldKey, WorldItem> items, String name) {
        return items.entrySet().stream().filter(e -> switch (e.getKey()) {
            case WorldKey.Name(String n) -> n.equals(name);
            case WorldKey.Iface(InterfaceId id) -> canonical(id).equals(Optional.of(name));
        }).findFirst();
    }

    /** {@code ns:pkg/i@V}, {@code V} cut to what semver keeps compatible: {@code 1}, {@code 0.2}, {@code 0.0.3}. */
    private Optional<String> canonical(InterfaceId id) {
        return resolve.qualifiedName(id).map(q -> {
            int at = q.lastIndexOf('@');
            if (at < 0) {
                return q;
            }
            String version = q.substring(at + 1);
            String[] parts = version.split("[.]", 3);
            if (parts.length < 3 || version.contains("-") || version.contains("+")) {
                return q;
            }
            String cut = !parts[0].equals("0") ? parts[0] : !parts[1].equals("0") ? "0." + parts[1] : version;
            return q.substring(0, at + 1) + cut;
        });
    }
}
