package dev.jwc.tools;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Import;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.Param;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The world as the component imports it, as wit-component trims it: only the imported functions the module
 * calls, and only the types that those functions, the exports or the world's own types use; an import left with
 * nothing is dropped.
 */
final class LiveImports {
    private final Resolve resolve;
    private final Set<InterfaceId> exported;
    private final Set<TypeId> live = new HashSet<>();
    private final Set<TypeId> visited = new HashSet<>();
    private final Deque<TypeId> pending = new ArrayDeque<>();
    /** Marking from the exports: types of exported interfaces are walked through but not imported. */
    private boolean fromExports;

    private LiveImports(Resolve resolve, Set<InterfaceId> exported) {
        this.resolve = resolve;
        this.exported = exported;
    }

    /**
     * The imports of {@code modules} as {@code module\0name} keys, the form {@link #trim} takes, each module
     * named as the world import it refers to; imports from {@code adapters} come from no world import, even
     * where an adapter is named like one.
     */
    static Set<String> usedImports(Resolve resolve, WorldId worldId, List<CoreModule> modules, Set<String> adapters) {
        Set<String> used = new HashSet<>();
        for (CoreModule module : modules) {
            for (Import i : module.imports()) {
                if (adapters.contains(i.module())) {
                    continue;
                }
                String name = i.name();
                name = name.startsWith(Lowerings.ASYNC_LOWER) ? name.substring(Lowerings.ASYNC_LOWER.length()) : name;
                used.add(ImportNames.worldName(resolve, worldId, i.module()) + "\0" + name);
            }
        }
        return used;
    }

    /** {@code resolve} with the world's imports trimmed to those in {@code used} (see {@link #usedImports}). */
    static Resolve trim(Resolve resolve, WorldId worldId, Set<String> used) {
        World world = resolve.get(worldId);
        LiveImports l = new LiveImports(resolve, exportedInterfaces(world));
        world.imports().forEach((key, item) -> {
            String name = ComponentNew.keyName(resolve, key);
            switch (item) {
                case WorldItem.FunctionItem(Function f) -> {
                    if (used.contains(ComponentNew.ROOT_MODULE + "\0" + f.name())) {
                        l.function(f);
                    }
                    l.payloads(used, ComponentNew.ROOT_MODULE, f);
                }
                case WorldItem.InterfaceItem i -> {
                    Interface iface = resolve.get(i.id());
                    iface.functions().values().stream().filter(f -> used.contains(name + "\0" + f.name()))
                            .forEach(l::function);
                    iface.functions().values().forEach(f -> l.payloads(used, name, f));
                    iface.types().forEach((n, t) -> {
                        if (used.contains(name + "\0" + Lowerings.RESOURCE_DROP + n)) {
                            l.type(t);
                        }
                    });
                }
                case WorldItem.TypeItem t -> l.type(t.id());
            }
        });
        l.drain();
        // What exports use comes from imports too, except the types exported interfaces define themselves.
        l.fromExports = true;
        world.exports().values().forEach(item -> {
            switch (item) {
                case WorldItem.FunctionItem(Function f) -> l.function(f);
                case WorldItem.InterfaceItem i -> {
                    resolve.get(i.id()).functions().values().forEach(l::function);
                    resolve.get(i.id()).types().values().forEach(l::type);
                }
                case WorldItem.TypeItem t -> l.type(t.id());
            }
        });
        l.drain();
        ResolveBuilder b = resolve.toBuilder();
        Map<WorldKey, WorldItem> imports = new LinkedHashMap<>();
        world.imports().forEach((key, item) -> {
            String name = ComponentNew.keyName(resolve, key);
            switch (item) {
                case WorldItem.FunctionItem(Function f) -> {
                    if (used.contains(ComponentNew.ROOT_MODULE + "\0" + f.name())) {
                        imports.put(key, item);
                    }
                }
                case WorldItem.TypeItem t -> imports.put(key, item);
                case WorldItem.InterfaceItem i -> {
                    Interface iface = resolve.get(i.id());
                    Map<String, TypeId> types = new LinkedHashMap<>();
                    iface.types().forEach((n, t) -> {
                        if (l.live.contains(t)) {
                            types.put(n, t);
                        }
                    });
                    Map<String, Function> functions = new LinkedHashMap<>();
                    iface.functions().forEach((n, f) -> {
                        if (used.contains(name + "\0" + n)) {
                            functions.put(n, f);
                        }
                    });
                    if (!types.isEmpty() || !functions.isEmpty()) {
                        imports.put(key, item);
                        if (!l.exported.contains(i.id())) {
                            b.set(i.id(), new Interface(iface.name(), types, functions, iface.docs(),
                                    iface.stability(), iface.pkg()));
                        }
                    }
                }
            }
        });
        b.set(worldId, new World(world.name(), imports, world.exports(), world.pkg(), world.docs(), world.stability()));
        return b.build();
    }

    private static Set<InterfaceId> exportedInterfaces(World world) {
        Set<InterfaceId> ids = new HashSet<>();
        world.exports().values().forEach(e -> {
            if (e instanceof WorldItem.InterfaceItem i) {
                ids.add(i.id());
            }
        });
        return ids;
    }

    /**
     * The future and stream types of {@code f} that {@code future}/{@code stream} built-ins imported from
     * {@code module} name ({@code [future-read-0]f}): their payloads are used even when {@code f} is not.
     */
    private void payloads(Set<String> used, String module, Function f) {
        List<TypeId> types = null;
        for (String key : used) {
            if (!key.startsWith(module + "\0")) {
                continue;
            }
            var p = PayloadName.parse(key.substring(module.length() + 1));
            if (p.isPresent() && p.get().function().equals(f.name()) && p.get().index().isPresent()) {
                types = types == null ? PayloadName.futuresAndStreams(resolve, f) : types;
                int n = p.get().index().getAsInt();
                if (n < types.size()) {
                    type(types.get(n));
                }
            }
        }
    }

    private void function(Function f) {
        f.params().stream().map(Param::type).forEach(this::type);
        f.result().ifPresent(this::type);
        f.kind().owningResource().ifPresent(this::type);
    }

    private void type(Type t) {
        if (t instanceof Type.Ref(TypeId id)) {
            type(id);
        }
    }

    private void type(TypeId id) {
        boolean ownedByExport = fromExports
                && resolve.get(id).owner() instanceof TypeOwner.InInterface(InterfaceId owner)
                && exported.contains(owner);
        if (!ownedByExport) {
            live.add(id);
        }
        if (visited.add(id)) {
            pending.push(id);
        }
    }

    /** Marks what the live types refer to, iteratively (type graphs of untrusted input can be deep). */
    private void drain() {
        while (!pending.isEmpty()) {
            switch (resolve.get(pending.pop()).kind()) {
                case TypeDefKind.Record r -> r.fields().forEach(f -> type(f.type()));
                case TypeDefKind.Tuple t -> t.types().forEach(this::type);
                case TypeDefKind.Variant v -> v.cases().forEach(c -> c.type().ifPresent(this::type));
                case TypeDefKind.Option o -> type(o.type());
                case TypeDefKind.Result r -> {
                    r.ok().ifPresent(this::type);
                    r.err().ifPresent(this::type);
                }
                case TypeDefKind.List l -> type(l.element());
                case TypeDefKind.FixedSizeList l -> type(l.element());
                case TypeDefKind.Map m -> {
                    type(m.key());
                    type(m.value());
                }
                case TypeDefKind.Own o -> type(o.resource());
                case TypeDefKind.Borrow b -> type(b.resource());
                case TypeDefKind.Future f -> f.payload().ifPresent(this::type);
                case TypeDefKind.Stream s -> s.element().ifPresent(this::type);
                case TypeDefKind.Alias(Type target) -> type(target);
                case TypeDefKind.Resource r -> { }
                case TypeDefKind.Flags f -> { }
                case TypeDefKind.Enum e -> { }
                case TypeDefKind.Unknown u -> { }
            }
        }
    }
}
