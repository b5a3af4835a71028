package dev.jwc.wit.resolve;

import dev.jwc.wit.WitException;
import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.ResolveBuilder;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import dev.jwc.wit.syntax.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The growing set of resolved packages: links {@link UnresolvedPackage}s in dependency order, applies feature
 * gates, merges {@code include}s and elaborates worlds, as wit-parser's {@code Resolve::push} does.
 */
final class Linker {
    /** Deepest chain of interface or type dependencies followed recursively; keeps hostile input off the stack. */
    static final int MAX_DEPENDENCY_DEPTH = 1000;

    private record Pkg(PackageName name, Docs docs, LinkedHashMap<String, InterfaceId> interfaces,
                       LinkedHashMap<String, WorldId> worlds) {}

    private final List<Pkg> packages = new ArrayList<>();
    private final Map<PackageName, PackageId> packageNames = new HashMap<>();
    final List<MutableType> types = new ArrayList<>();
    final List<MutableInterface> interfaces = new ArrayList<>();
    final List<MutableWorld> worlds = new ArrayList<>();
    private final Map<TypeId, Boolean> borrowMemo = new HashMap<>();
    private final Set<String> features;
    private final boolean allFeatures;

    Linker(Set<String> features, boolean allFeatures) {
        this.features = Set.copyOf(features);
        this.allFeatures = allFeatures;
    }

    /** Freezes everything linked so far. */
    Resolve toResolve() {
        ResolveBuilder b = new ResolveBuilder();
        for (Pkg p : packages) {
            b.add(new WitPackage(p.name, p.docs, p.interfaces, p.worlds));
        }
        interfaces.forEach(i -> b.add(i.freeze()));
        worlds.forEach(w -> b.add(w.freeze()));
        types.forEach(t -> b.add(t.freeze()));
        return b.build();
    }

    /** Links one package whose dependencies are all linked already. */
    PackageId append(UnresolvedPackage unresolved) {
        return new Remap(unresolved).append();
    }

    // ---- gates ----

    boolean includeStability(Stability stability, PackageId pkg, Span span) {
        return switch (stability) {
            case Stability.Unknown u -> true;
            case Stability.Stable s -> {
                PackageName name = packages.get(pkg.index()).name;
                if (name.version().isEmpty()) {
                    throw error(span, "package [" + name + "] contains a feature gate with a version specifier, "
                            + "so it must have a version");
                }
                if (Versions.compare(s.since(), name.version().get()) > 0) {
                    throw error(span, "feature gate cannot reference unreleased version " + s.since() + " of package ["
                            + name + "] (current version " + name.version().get() + ")");
                }
                yield true;
            }
            case Stability.Unstable u -> allFeatures || features.contains(u.feature());
        };
    }

    private static WitException error(Span span, String message) {
        if (span == null) {
            throw new IllegalStateException("unpositioned resolve error: " + message);
        }
        return span.error(message);
    }

    // ---- dependencies between interfaces ----

    /** The interface a {@code use}d type comes from, if {@code id} is such a use. */
    InterfaceId typeInterfaceDep(TypeId id) {
        MutableType ty = types.get(id.index());
        if (!(ty.kind instanceof TypeDefKind.Alias(Type.Ref(TypeId dep)))) {
            return null;
        }
        MutableType other = types.get(dep.index());
        if (ty.owner.equals(other.owner)) {
            return null;
        }
        return other.owner instanceof TypeOwner.InInterface(InterfaceId iface) ? iface : null;
    }

    List<InterfaceId> interfaceDirectDeps(InterfaceId id) {
        List<InterfaceId> deps = new ArrayList<>();
        for (TypeId t : interfaces.get(id.index()).types.values()) {
            InterfaceId dep = typeInterfaceDep(t);
            if (dep != null) {
                deps.add(dep);
            }
        }
        return deps;
    }

    /**
     * Whether a value of this type contains a {@code borrow}. Memoized per type; types are primed in arena order
     * as they are linked, so the recursion stays shallow whatever the depth of the type graph.
     */
    boolean hasBorrow(Type ty) {
        if (!(ty instanceof Type.Ref(TypeId id))) {
            return false;
        }
        Boolean known = borrowMemo.get(id);
        if (known != null) {
            return known;
        }
        boolean result = switch (types.get(id.index()).kind) {
            case TypeDefKind.Borrow b -> true;
            case TypeDefKind.Alias a -> hasBorrow(a.target());
            case TypeDefKind.Record r -> r.fields().stream().anyMatch(f -> hasBorrow(f.type()));
            case TypeDefKind.Variant v -> v.cases().stream().anyMatch(c -> c.type().map(this::hasBorrow).orElse(false));
            case TypeDefKind.Tuple t -> t.types().stream().anyMatch(this::hasBorrow);
            case TypeDefKind.List l -> hasBorrow(l.element());
            case TypeDefKind.FixedSizeList l -> hasBorrow(l.element());
            case TypeDefKind.Option o -> hasBorrow(o.type());
            case TypeDefKind.Map m -> hasBorrow(m.key()) || hasBorrow(m.value());
            case TypeDefKind.Result r -> r.ok().map(this::hasBorrow).orElse(false)
                    || r.err().map(this::hasBorrow).orElse(false);
            case TypeDefKind.Future f -> f.payload().map(this::hasBorrow).orElse(false);
            case TypeDefKind.Stream st -> st.element().map(this::hasBorrow).orElse(false);
            case TypeDefKind.Own o -> false;
            case TypeDefKind.Resource r -> false;
            case TypeDefKind.Flags f -> false;
            case TypeDefKind.Enum e -> false;
            case TypeDefKind.Unknown u -> false;
        };
        borrowMemo.put(id, result);
        return result;
    }

    // ---- world elaboration ----

    private int sortKey(WorldItem item) {
        return switch (item) {
            case WorldItem.InterfaceItem i -> 0;
            case WorldItem.TypeItem t -> {
                MutableType ty = types.get(t.id().index());
                yield ty.kind instanceof TypeDefKind.Alias(Type.Ref(TypeId target))
                        && !types.get(target.index()).owner.equals(ty.owner) ? 1 : 2;
            }
            case WorldItem.FunctionItem f -> f.function().kind().owningResource().isEmpty() ? 3 : 4;
        };
    }

    private LinkedHashMap<WorldKey, WorldItem> sorted(LinkedHashMap<WorldKey, WorldItem> items) {
        List<Map.Entry<WorldKey, WorldItem>> entries = new ArrayList<>(items.entrySet());
        entries.sort((a, b) -> Integer.compare(sortKey(a.getValue()), sortKey(b.getValue())));
        LinkedHashMap<WorldKey, WorldItem> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    void elaborateWorld(WorldId worldId, Span span) {
        MutableWorld world = worlds.get(worldId.index());
        LinkedHashMap<WorldKey, WorldItem> newImports = new LinkedHashMap<>();
        for (Map.Entry<WorldKey, WorldItem> e : sorted(world.imports).entrySet()) {
            switch (e.getValue()) {
                case WorldItem.InterfaceItem i -> elaborateImport(newImports, e.getKey(), i.id(), i.stability(), span,
                        0);
                case WorldItem.FunctionItem f -> newImports.put(e.getKey(), f);
                case WorldItem.TypeItem t -> {
                    InterfaceId dep = typeInterfaceDep(t.id());
                    if (dep != null) {
                        elaborateImport(newImports, new WorldKey.Iface(dep), dep, types.get(t.id().index()).stability,
                                span, 0);
                    }
                    newImports.put(e.getKey(), t);
                }
            }
        }
        LinkedHashMap<WorldKey, WorldItem> newExports = new LinkedHashMap<>();
        LinkedHashMap<InterfaceId, Map.Entry<WorldKey, Stability>> exportInterfaces = new LinkedHashMap<>();
        for (Map.Entry<WorldKey, WorldItem> e : world.exports.entrySet()) {
            switch (e.getValue()) {
                case WorldItem.InterfaceItem i -> exportInterfaces.put(i.id(), Map.entry(e.getKey(), i.stability()));
                case WorldItem.FunctionItem f -> newExports.put(e.getKey(), f);
                case WorldItem.TypeItem t -> throw new IllegalStateException("type export");
            }
        }
        Set<InterfaceId> requiredImports = new HashSet<>();
        for (Map.Entry<InterfaceId, Map.Entry<WorldKey, Stability>> e : exportInterfaces.entrySet()) {
            WorldKey key = e.getValue().getKey();
            if (!addWorldExport(newImports, newExports, exportInterfaces, requiredImports, e.getKey(), key, true,
                    e.getValue().getValue(), span, 0)) {
                throw span.error("interface `" + nameOf(key)
                        + "` transitively depends on an interface in incompatible ways");
            }
        }
        world.imports = sorted(newImports);
        world.exports = newExports;
    }

    /** Bounds the recursion over chains of interfaces that {@code use} each other. */
    static void checkDepth(int depth, Span span) {
        if (depth > MAX_DEPENDENCY_DEPTH) {
            throw span.error("chain of interface or type dependencies is too deep (more than "
                    + MAX_DEPENDENCY_DEPTH + ")");
        }
    }

    private String nameOf(WorldKey key) {
        return switch (key) {
            case WorldKey.Name n -> n.name();
            case WorldKey.Iface i -> {
                MutableInterface iface = interfaces.get(i.id().index());
                yield iface.pkg == null ? String.valueOf(iface.name)
                        : packages.get(iface.pkg.index()).name.interfaceId(iface.name);
            }
        };
    }

    private void elaborateImport(LinkedHashMap<WorldKey, WorldItem> imports, WorldKey key, InterfaceId id,
                                 Stability stability, Span span, int depth) {
        if (imports.containsKey(key)) {
            return;
        }
        checkDepth(depth, span);
        for (InterfaceId dep : interfaceDirectDeps(id)) {
            elaborateImport(imports, new WorldKey.Iface(dep), dep, stability, span, depth + 1);
        }
        imports.put(key, new WorldItem.InterfaceItem(id, stability));
    }

    private boolean addWorldExport(LinkedHashMap<WorldKey, WorldItem> imports,
                                   LinkedHashMap<WorldKey, WorldItem> exports,
                                   Map<InterfaceId, Map.Entry<WorldKey, Stability>> exportInterfaces,
                                   Set<InterfaceId> requiredImports, InterfaceId id, WorldKey key, boolean addExport,
                                   Stability stability, Span span, int depth) {
        if (exports.containsKey(key)) {
            return addExport;
        }
        if (!addExport && requiredImports.contains(id)) {
            return true;
        }
        checkDepth(depth, span);
        for (InterfaceId dep : interfaceDirectDeps(id)) {
            boolean depExport = addExport && exportInterfaces.containsKey(dep);
            if (!addWorldExport(imports, exports, exportInterfaces, requiredImports, dep, new WorldKey.Iface(dep),
                    depExport, stability, span, depth + 1)) {
                return false;
            }
        }
        WorldItem item = new WorldItem.InterfaceItem(id, stability);
        if (addExport) {
            if (requiredImports.contains(id)) {
                return false;
            }
            exports.put(key, item);
        } else {
            requiredImports.add(id);
            imports.put(key, item);
        }
        return true;
    }

    // ---- linking one package ----

    private final class Remap {
        private final UnresolvedPackage unresolved;
        private final List<TypeId> typeMap = new ArrayList<>();
        private final List<InterfaceId> interfaceMap = new ArrayList<>();
        private final List<WorldId> worldMap = new ArrayList<>();
        private final Map<TypeId, TypeId> ownHandles = new HashMap<>();
        private PackageId pkg;

        Remap(UnresolvedPackage unresolved) {
            this.unresolved = unresolved;
        }

        PackageId append() {
            if (packageNames.containsKey(unresolved.name())) {
                throw unresolved.nameSpan().error("package `" + unresolved.name() + "` is defined more than once");
            }
            packages.add(new Pkg(unresolved.name(), unresolved.docs(), new LinkedHashMap<>(), new LinkedHashMap<>()));
            pkg = new PackageId(packages.size() - 1);
            packageNames.put(unresolved.name(), pkg);
            processForeignDeps();
            int foreignTypes = typeMap.size();
            int foreignInterfaces = interfaceMap.size();
            int foreignWorlds = worldMap.size();

            for (int i = foreignTypes; i < unresolved.types().size(); i++) {
                MutableType ty = unresolved.types().get(i).copy();
                Span span = unresolved.typeSpans().get(i);
                if (!includeStability(ty.stability, pkg, span)) {
                    typeMap.add(null);
                    continue;
                }
                ty.kind = rewriteDefinition(ty.kind, span, unresolved.memberSpans().get(i));
                types.add(ty);
                typeMap.add(new TypeId(types.size() - 1));
                hasBorrow(Type.of(new TypeId(types.size() - 1)));
            }
            for (int i = foreignInterfaces; i < unresolved.interfaces().size(); i++) {
                MutableInterface iface = unresolved.interfaces().get(i);
                UnresolvedPackage.InterfaceSpans spans = unresolved.interfaceSpans().get(i);
                if (!includeStability(iface.stability, pkg, spans.span())) {
                    interfaceMap.add(null);
                    continue;
                }
                iface.pkg = pkg;
                updateInterface(iface, spans);
                interfaces.add(iface);
                interfaceMap.add(new InterfaceId(interfaces.size() - 1));
            }
            for (int i = foreignTypes; i < typeMap.size(); i++) {
                TypeId id = typeMap.get(i);
                if (id != null && types.get(id.index()).owner instanceof TypeOwner.InInterface(InterfaceId owner)) {
                    types.get(id.index()).owner = new TypeOwner.InInterface(ownerInterface(owner,
                            unresolved.typeSpans().get(i)));
                }
            }
            for (int i = foreignWorlds; i < unresolved.worlds().size(); i++) {
                MutableWorld world = unresolved.worlds().get(i);
                UnresolvedPackage.WorldSpans spans = unresolved.worldSpans().get(i);
                if (!includeStability(world.stability, pkg, spans.span())) {
                    worldMap.add(null);
                    continue;
                }
                updateWorld(world, spans);
                worlds.add(world);
                worldMap.add(new WorldId(worlds.size() - 1));
            }
            for (int i = foreignTypes; i < typeMap.size(); i++) {
                TypeId id = typeMap.get(i);
                if (id != null && types.get(id.index()).owner instanceof TypeOwner.InWorld(WorldId owner)) {
                    types.get(id.index()).owner = new TypeOwner.InWorld(mapWorld(owner,
                            unresolved.typeSpans().get(i)));
                }
            }
            for (int i = foreignWorlds; i < worldMap.size(); i++) {
                WorldId id = worldMap.get(i);
                if (id == null) {
                    continue;
                }
                Span span = unresolved.worldSpans().get(i).span();
                processIncludes(id, span);
                elaborateWorld(id, span);
            }
            Pkg p = packages.get(pkg.index());
            for (int i = foreignInterfaces; i < interfaceMap.size(); i++) {
                InterfaceId id = interfaceMap.get(i);
                if (id != null) {
                    MutableInterface iface = interfaces.get(id.index());
                    iface.pkg = pkg;
                    if (iface.name != null) {
                        p.interfaces.put(iface.name, id);
                    }
                }
            }
            for (int i = foreignWorlds; i < worldMap.size(); i++) {
                WorldId id = worldMap.get(i);
                if (id != null) {
                    MutableWorld world = worlds.get(id.index());
                    world.pkg = pkg;
                    p.worlds.put(world.name, id);
                }
            }
            return pkg;
        }

        /** Maps a type definition's references, placing errors at the field or case that holds them. */
        private TypeDefKind rewriteDefinition(TypeDefKind kind, Span span, List<Span> members) {
            if (members == null) {
                return TypeRewrite.kind(kind, id -> mapType(id, span), t -> updateTy(t, span));
            }
            int[] member = {0};
            return switch (kind) {
                case TypeDefKind.Record r -> new TypeDefKind.Record(r.fields().stream()
                        .map(f -> new TypeDefKind.Field(f.name(), updateTy(f.type(), members.get(member[0]++)),
                                f.docs()))
                        .toList());
                case TypeDefKind.Variant v -> new TypeDefKind.Variant(v.cases().stream()
                        .map(c -> {
                            Span at = members.get(member[0]++);
                            return new TypeDefKind.Case(c.name(), c.type().map(t -> updateTy(t, at)), c.docs());
                        })
                        .toList());
                default -> TypeRewrite.kind(kind, id -> mapType(id, span), t -> updateTy(t, span));
            };
        }

        private TypeId mapType(TypeId id, Span span) {
            return excluded(typeMap.get(id.index()), "type", span);
        }

        private InterfaceId mapInterface(InterfaceId id, Span span) {
            return excluded(interfaceMap.get(id.index()), "interface", span);
        }

        private InterfaceId ownerInterface(InterfaceId id, Span span) {
            if (interfaceMap.get(id.index()) == null) {
                throw span.error("found a reference to a interface which is excluded due to its feature not being "
                        + "activated; this type is not gated by a feature but its interface is");
            }
            return interfaceMap.get(id.index());
        }

        private WorldId mapWorld(WorldId id, Span span) {
            return excluded(worldMap.get(id.index()), "world", span);
        }

        private <T> T excluded(T mapped, String desc, Span span) {
            if (mapped == null) {
                throw error(span, "found a reference to a " + desc
                        + " which is excluded due to its feature not being activated");
            }
            return mapped;
        }

        /** Maps a type used as a value; a resource used as a value becomes an (interned) {@code own<T>}. */
        private Type updateTy(Type ty, Span span) {
            if (!(ty instanceof Type.Ref(TypeId local))) {
                return ty;
            }
            TypeId id = mapType(local, span);
            TypeId cur = id;
            while (types.get(cur.index()).kind instanceof TypeDefKind.Alias(Type.Ref(TypeId next))) {
                cur = next;
            }
            if (types.get(cur.index()).kind instanceof TypeDefKind.Resource) {
                return Type.of(ownHandles.computeIfAbsent(id, r -> {
                    types.add(new MutableType(null, new TypeDefKind.Own(r), TypeOwner.NONE, Docs.NONE,
                            Stability.UNKNOWN));
                    return new TypeId(types.size() - 1);
                }));
            }
            return Type.of(id);
        }

        private void processForeignDeps() {
            Map<Integer, Map.Entry<PackageName, String>> ifaceToPkg = new HashMap<>();
            Map<Integer, Map.Entry<PackageName, String>> worldToPkg = new HashMap<>();
            Map<Integer, List<Stability>> ifaceGates = new HashMap<>();
            Map<Integer, List<Stability>> worldGates = new HashMap<>();
            Map<PackageName, Span> depSpans = new HashMap<>();
            int i = 0;
            for (Map.Entry<PackageName, LinkedHashMap<String, UnresolvedPackage.ForeignItem>> dep
                    : unresolved.foreignDeps().entrySet()) {
                depSpans.put(dep.getKey(), unresolved.foreignDepSpans().get(i++));
                for (Map.Entry<String, UnresolvedPackage.ForeignItem> item : dep.getValue().entrySet()) {
                    var f = item.getValue();
                    (f.world() ? worldToPkg : ifaceToPkg).put(f.id(), Map.entry(dep.getKey(), item.getKey()));
                    (f.world() ? worldGates : ifaceGates).put(f.id(), f.stabilities());
                }
            }
            for (int id = 0; id < unresolved.interfaces().size() && ifaceToPkg.containsKey(id); id++) {
                var target = ifaceToPkg.get(id);
                Span span = unresolved.interfaceSpans().get(id).span();
                PackageId depPkg = findPackage(target.getKey(), depSpans.get(target.getKey()));
                if (!anyIncluded(ifaceGates.get(id), span)) {
                    interfaceMap.add(null);
                    continue;
                }
                InterfaceId found = packages.get(depPkg.index()).interfaces.get(target.getValue());
                if (found == null) {
                    throw span.error("interface '" + target.getValue() + "' not found in package '"
                            + target.getKey() + "'");
                }
                interfaceMap.add(found);
            }
            for (int id = 0; id < unresolved.worlds().size() && worldToPkg.containsKey(id); id++) {
                var target = worldToPkg.get(id);
                Span span = unresolved.worldSpans().get(id).span();
                PackageId depPkg = findPackage(target.getKey(), depSpans.get(target.getKey()));
                if (!anyIncluded(worldGates.get(id), span)) {
                    worldMap.add(null);
                    continue;
                }
                WorldId found = packages.get(depPkg.index()).worlds.get(target.getValue());
                if (found == null) {
                    throw span.error("world '" + target.getValue() + "' not found in package '"
                            + target.getKey() + "'");
                }
                worldMap.add(found);
            }
            for (int id = 0; id < unresolved.types().size(); id++) {
                MutableType ty = unresolved.types().get(id);
                if (!(ty.kind instanceof TypeDefKind.Unknown)) {
                    break;
                }
                Span span = unresolved.typeSpans().get(id);
                if (!includeStability(ty.stability, pkg, span)) {
                    typeMap.add(null);
                    continue;
                }
                InterfaceId iface = mapInterface(((TypeOwner.InInterface) ty.owner).id(), span);
                TypeId found = interfaces.get(iface.index()).types.get(ty.name);
                if (found == null) {
                    throw span.error("type `" + ty.name + "` not defined in interface");
                }
                typeMap.add(found);
            }
            for (UnresolvedPackage.RequiredResource r : unresolved.requiredResources()) {
                TypeId id = r.type().index() < typeMap.size() ? typeMap.get(r.type().index()) : null;
                if (id == null) {
                    continue;
                }
                while (types.get(id.index()).kind instanceof TypeDefKind.Alias(Type.Ref(TypeId next))) {
                    id = next;
                }
                if (!(types.get(id.index()).kind instanceof TypeDefKind.Resource)) {
                    throw r.span().error("type used in a handle must be a resource");
                }
            }
        }

        private boolean anyIncluded(List<Stability> gates, Span span) {
            for (Stability s : gates) {
                if (includeStability(s, pkg, span)) {
                    return true;
                }
            }
            return false;
        }

        private PackageId findPackage(PackageName name, Span span) {
            PackageId id = packageNames.get(name);
            if (id == null) {
                throw span.error("package '" + name + "' not found. known packages: "
                        + packageNames.keySet().stream().map(PackageName::toString).sorted().toList());
            }
            return id;
        }

        private void updateInterface(MutableInterface iface, UnresolvedPackage.InterfaceSpans spans) {
            LinkedHashMap<String, TypeId> kept = new LinkedHashMap<>();
            iface.types.forEach((name, id) -> {
                if (typeMap.get(id.index()) != null) {
                    kept.put(name, mapType(id, spans.span()));
                }
            });
            iface.types = kept;
            LinkedHashMap<String, Function> functions = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, Function> e : iface.functions.entrySet()) {
                Span span = spans.funcs().get(i++);
                if (includeStability(e.getValue().stability(), pkg, span)) {
                    functions.put(e.getKey(), updateFunction(e.getValue(), span));
                }
            }
            iface.functions = functions;
        }

        private Function updateFunction(Function f, Span span) {
            Function updated = TypeRewrite.function(f, id -> mapType(id, span), t -> updateTy(t, span));
            if (updated.result().isPresent() && hasBorrow(updated.result().get())) {
                throw span.error("function `" + f.name()
                        + "` returns a type which contains a `borrow<T>` which is not supported");
            }
            return updated;
        }

        private void updateWorld(MutableWorld world, UnresolvedPackage.WorldSpans spans) {
            LinkedHashMap<WorldKey, WorldItem> imports = world.imports;
            LinkedHashMap<WorldKey, WorldItem> exports = world.exports;
            world.imports = new LinkedHashMap<>();
            world.exports = new LinkedHashMap<>();
            updateWorldItems(imports, spans.imports(), world.imports);
            updateWorldItems(exports, spans.exports(), world.exports);
        }

        private void updateWorldItems(LinkedHashMap<WorldKey, WorldItem> items, List<Span> spans,
                                      LinkedHashMap<WorldKey, WorldItem> dst) {
            int i = 0;
            for (Map.Entry<WorldKey, WorldItem> e : items.entrySet()) {
                Span span = spans.get(i++);
                WorldItem item = e.getValue();
                if (item instanceof WorldItem.TypeItem t) {
                    item = new WorldItem.TypeItem(mapType(t.id(), span));
                }
                Stability stability = switch (item) {
                    case WorldItem.InterfaceItem ii -> ii.stability();
                    case WorldItem.FunctionItem f -> f.function().stability();
                    case WorldItem.TypeItem t -> types.get(t.id().index()).stability;
                };
                if (!includeStability(stability, pkg, span)) {
                    continue;
                }
                WorldKey key = e.getKey() instanceof WorldKey.Iface(InterfaceId id)
                        ? new WorldKey.Iface(mapInterface(id, span)) : e.getKey();
                item = switch (item) {
                    case WorldItem.InterfaceItem ii -> new WorldItem.InterfaceItem(mapInterface(ii.id(), span),
                            ii.stability());
                    case WorldItem.FunctionItem f -> new WorldItem.FunctionItem(updateFunction(f.function(), span));
                    case WorldItem.TypeItem t -> t;
                };
                dst.put(key, item);
            }
        }

        private void processIncludes(WorldId id, Span worldSpan) {
            MutableWorld world = worlds.get(id.index());
            List<MutableWorld.PendingInclude> includes = world.includes;
            world.includes = new ArrayList<>();
            for (MutableWorld.PendingInclude inc : includes) {
                if (!includeStability(inc.stability(), pkg, inc.span())) {
                    continue;
                }
                WorldId target = mapWorld(inc.world(), inc.span());
                new Includer(Linker.this, id, pkg, inc.span()).include(target, inc.names());
            }
            checkCaseInsensitive(world.imports, "import", world.name, worldSpan);
            checkCaseInsensitive(world.exports, "export", world.name, worldSpan);
        }

        private void checkCaseInsensitive(Map<WorldKey, WorldItem> items, String what, String worldName, Span span) {
            Map<String, String> seen = new HashMap<>();
            for (WorldKey key : items.keySet()) {
                if (key instanceof WorldKey.Name(String name)) {
                    String prev = seen.put(name.toLowerCase(java.util.Locale.ROOT), name);
                    if (prev != null && !prev.equals(name)) {
                        throw span.error(what + " `" + name + "` in world `" + worldName + "` conflicts with "
                                + what + " `" + prev
                                + "` (kebab-case identifiers are case-insensitive)");
                    }
                }
            }
        }
    }
}
