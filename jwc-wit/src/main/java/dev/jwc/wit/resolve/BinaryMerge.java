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
    /**
     * Whether items missing from an already linked package are added instead of rejected: a world decoded from a
     * module shows only what that module uses of a package, so two such worlds may show different parts of it.
     */
    private final boolean additive;
    private final List<PackageId> packageMap = new ArrayList<>();
    private final List<Boolean> existing = new ArrayList<>();
    private final List<InterfaceId> interfaceMap = new ArrayList<>();
    private final List<WorldId> worldMap = new ArrayList<>();
    private final List<TypeId> typeMap = new ArrayList<>();
    /** Whether each type of {@code other} was copied (rather than matched to a linked one). */
    private final List<Boolean> freshTypes = new ArrayList<>();
    /** Interfaces of already linked packages that this merge created ({@link #additive} only). */
    private final java.util.Set<InterfaceId> addedInterfaces = new java.util.HashSet<>();

    private BinaryMerge(Linker linker, Resolve other, Path file, boolean additive) {
        this.linker = linker;
        this.other = other;
        this.file = file;
        this.additive = additive;
    }

    /** Merges {@code other} into {@code linker}; returns the linked id of {@code main}. */
    static PackageId merge(Linker linker, Resolve other, PackageId main, Path file) {
        BinaryMerge m = new BinaryMerge(linker, other, file, false);
        m.run(java.util.Optional.of(main));
        return m.packageMap.get(main.index());
    }

    /**
     * Merges {@code other} into {@code linker}, adding what the linked packages lack; returns the linked id of
     * each of {@code other}'s worlds, by index.
     */
    static List<WorldId> mergeAdding(Linker linker, Resolve other) {
        BinaryMerge m = new BinaryMerge(linker, other, null, true);
        m.run(java.util.Optional.empty());
        return List.copyOf(m.worldMap);
    }

    /** Merges; {@code main}, the package being added, must not be linked already. */
    private void run(java.util.Optional<PackageId> main) {
        for (PackageId id : other.packageIds()) {
            WitPackage p = other.get(id);
            PackageId known = linker.packageNamed(p.name());
            if (known != null && main.isPresent() && id.equals(main.get())) {
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
    }

    private boolean merged(java.util.Optional<PackageId> pkg) {
        return pkg.isPresent() && existing.get(pkg.get().index());
    }

    /** Whether interface {@code i} of {@code other} maps to one linked before this merge. */
    private boolean matched(int i) {
        Interface iface = other.interfaces().get(i);
        return merged(iface.pkg()) && iface.name().isPresent() && !addedInterfaces.contains(interfaceMap.get(i));
    }

    private InterfaceId mapInterface(Interface iface) {
        if (merged(iface.pkg()) && iface.name().isPresent()) {
            PackageId pkg = packageMap.get(iface.pkg().get().index());
            InterfaceId found = linker.packageInterfaces(pkg).get(iface.name().get());
            if (found == null && additive) {
                linker.interfaces.add(new MutableInterface());
                InterfaceId fresh = new InterfaceId(linker.interfaces.size() - 1);
                linker.packageInterfaces(pkg).put(iface.name().get(), fresh);
                addedInterfaces.add(fresh);
                return fresh;
            }
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
            MutableInterface into = linker.interfaces.get(interfaceMap.get(owner.index()).index());
            TypeId found = into.types.get(t.name().get());
            if (found == null && additive) {
                freshTypes.add(true);
                linker.types.add(new MutableType(null, new TypeDefKind.Unknown(), TypeOwner.NONE, t.docs(),
                        t.stability()));
                TypeId fresh = new TypeId(linker.types.size() - 1);
                into.types.put(t.name().get(), fresh);
                return fresh;
            }
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
            if (matched(i)) {
                MutableInterface into = linker.interfaces.get(interfaceMap.get(i).index());
                if (additive) {
                    iface.functions().forEach((name, f) -> into.functions.putIfAbsent(name,
                            TypeRewrite.function(f, this::type, this::type)));
                }
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
