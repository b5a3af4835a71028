package dev.jwc.wit.resolve;

import dev.jwc.wit.WitException;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a decoded binary WIT package into a {@link Linker}, as wit-parser's {@code Resolve::merge} does: packages
 * already linked are matched item by item by name (the binary only shows what it uses of them), everything else
 * is copied with its ids renumbered.
 */
final class BinaryMerge {
    private final Linker linker;
    private final Resolve other;
    private final Path file;
    private final List<PackageId> packageMap = new ArrayList<>();
    private final List<Boolean> existing = new ArrayList<>();
    private final List<InterfaceId> interfaceMap = new ArrayList<>();
    private final List<WorldId> worldMap = new ArrayList<>();
    private final List<TypeId> typeMap = new ArrayList<>();
    /** Whether each type of {@code other} was copied (rather than matched to a linked one). */
    private final List<Boolean> freshTypes = new ArrayList<>();

    private BinaryMerge(Linker linker, Resolve other, Path file) {
        this.linker = linker;
        this.other = other;
        this.file = file;
    }

    /** Merges {@code other} into {@code linker}; returns the linked id of {@code main}. */
    static PackageId merge(Linker linker, Resolve other, PackageId main, Path file) {
        return new BinaryMerge(linker, other, file).run(main);
    }

    private PackageId run(PackageId main) {
        for (PackageId id : other.packageIds()) {
            WitPackage p = other.get(id);
            PackageId known = linker.packageNamed(p.name());
            if (known != null && id.equals(main)) {
                throw new WitException(file, "package `" + p.name() + "` is defined more than once");
            }
            existing.add(known != null);
            packageMap.add(known != null ? known : linker.addPackage(p.name(), p.docs()));
        }
        for (int i = 0; i < other.interfaces().size(); i++) {
            interfaceMap.add(mapInterface(other.interfaces().get(i)));
        }
        for (World w : other.worlds()) {
            linker.worlds.add(new MutableWorld());
            worldMap.add(new WorldId(linker.worlds.size() - 1));
        }
        for (TypeDef t : other.types()) {
            typeMap.add(mapType(t));
        }
        fillTypes();
        fillInterfaces();
        fillWorlds();
        return packageMap.get(main.index());
    }

    private boolean merged(java.util.Optional<PackageId> pkg) {
        return pkg.isPresent() && existing.get(pkg.get().index());
    }

    private InterfaceId mapInterface(Interface iface) {
        if (merged(iface.pkg()) && iface.name().isPresent()) {
            PackageId pkg = packageMap.get(iface.pkg().get().index());
            InterfaceId found = linker.packageInterfaces(pkg).get(iface.name().get());
            if (found == null) {
                throw new WitException(file, "interface `" + iface.name().get() + "` not found in package `"
                        + other.get(iface.pkg().get()).name() + "`");
            }
            return found;
        }
        linker.interfaces.add(new MutableInterface());
        return new InterfaceId(linker.interfaces.size() - 1);
    }

    private TypeId mapType(TypeDef t) {
        if (t.owner() instanceof TypeOwner.InInterface(InterfaceId owner) && t.name().isPresent()
                && merged(other.get(owner).pkg()) && other.get(owner).name().isPresent()) {
            TypeId found = linker.interfaces.get(interfaceMap.get(owner.index()).index()).types.get(t.name().get());
            if (found == null) {
                throw new WitException(file, "type `" + t.name().get() + "` not found in interface `"
                        + other.qualifiedName(owner).orElseThrow() + "`");
            }
            freshTypes.add(false);
            return found;
        }
        freshTypes.add(true);
        linker.types.add(new MutableType(null, new TypeDefKind.Unknown(), TypeOwner.NONE, t.docs(), t.stability()));
        return new TypeId(linker.types.size() - 1);
    }

    private void fillTypes() {
        for (int i = 0; i < typeMap.size(); i++) {
            if (!freshTypes.get(i)) {
                continue;
            }
            TypeDef def = other.types().get(i);
            MutableType ty = linker.types.get(typeMap.get(i).index());
            ty.name = def.name().orElse(null);
            ty.kind = TypeRewrite.kind(def.kind(), this::type, this::type);
            ty.owner = switch (def.owner()) {
                case TypeOwner.InInterface(InterfaceId id) -> new TypeOwner.InInterface(interfaceMap.get(id.index()));
                case TypeOwner.InWorld(WorldId id) -> new TypeOwner.InWorld(worldMap.get(id.index()));
                case TypeOwner.NoOwner none -> none;
            };
            linker.hasBorrow(Type.of(typeMap.get(i)));
        }
    }

    private void fillInterfaces() {
        for (int i = 0; i < other.interfaces().size(); i++) {
            Interface iface = other.interfaces().get(i);
            if (merged(iface.pkg()) && iface.name().isPresent()) {
                continue;
            }
            MutableInterface m = linker.interfaces.get(interfaceMap.get(i).index());
            m.name = iface.name().orElse(null);
            iface.types().forEach((name, t) -> m.types.put(name, type(t)));
            iface.functions().forEach((name, f) -> m.functions.put(name,
                    TypeRewrite.function(f, this::type, this::type)));
            m.docs = iface.docs();
            m.stability = iface.stability();
            m.pkg = iface.pkg().map(p -> packageMap.get(p.index())).orElse(null);
            if (m.name != null && m.pkg != null) {
                linker.packageInterfaces(m.pkg).put(m.name, interfaceMap.get(i));
            }
        }
    }

    private void fillWorlds() {
        for (int i = 0; i < other.worlds().size(); i++) {
            World w = other.worlds().get(i);
            MutableWorld m = linker.worlds.get(worldMap.get(i).index());
            m.name = w.name();
            m.imports = items(w.imports());
            m.exports = items(w.exports());
            m.docs = w.docs();
            m.stability = w.stability();
            m.pkg = w.pkg().map(p -> packageMap.get(p.index())).orElse(null);
            if (m.pkg != null) {
                linker.packageWorlds(m.pkg).put(m.name, worldMap.get(i));
            }
        }
    }

    private LinkedHashMap<WorldKey, WorldItem> items(Map<WorldKey, WorldItem> items) {
        LinkedHashMap<WorldKey, WorldItem> out = new LinkedHashMap<>();
        items.forEach((key, item) -> out.put(switch (key) {
            case WorldKey.Name n -> n;
            case WorldKey.Iface(InterfaceId id) -> new WorldKey.Iface(interfaceMap.get(id.index()));
        }, switch (item) {
            case WorldItem.InterfaceItem i -> i.withId(interfaceMap.get(i.id().index()));
            case WorldItem.FunctionItem f -> new WorldItem.FunctionItem(
                    TypeRewrite.function(f.function(), this::type, this::type));
            case WorldItem.TypeItem(TypeId t) -> new WorldItem.TypeItem(type(t));
        }));
        return out;
    }

    private TypeId type(TypeId id) {
        return typeMap.get(id.index());
    }

    private Type type(Type t) {
        return t instanceof Type.Ref(TypeId id) ? Type.of(type(id)) : t;
    }
}
