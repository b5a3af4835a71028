package dev.jwc.wit.resolve;

import dev.jwc.wit.WitException;
import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import dev.jwc.wit.syntax.Ast;
import dev.jwc.wit.syntax.Ast.AstItem;
import dev.jwc.wit.syntax.Ast.Id;
import dev.jwc.wit.syntax.Source;
import dev.jwc.wit.syntax.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the files of one package on their own (names, {@code use}s, types), producing an
 * {@link UnresolvedPackage} whose references to other packages are placeholders, in the order wit-parser uses.
 */
final class PackageResolver {
    /** A top-level name of a file: an interface or a world of the local arena. */
    private record Item(boolean world, int id) {}

    /** What a name in an interface or world scope stands for. */
    private record Named(TypeId type, String item, Span span) {}

    private PackageName packageName;
    private Span packageNameSpan;
    private Docs packageDocs = Docs.NONE;
    private final List<List<AstItem>> declLists = new ArrayList<>();

    private final List<MutableType> types = new ArrayList<>();
    private final List<Span> typeSpans = new ArrayList<>();
    private final List<MutableInterface> interfaces = new ArrayList<>();
    private final List<UnresolvedPackage.InterfaceSpans> interfaceSpans = new ArrayList<>();
    private final List<MutableWorld> worlds = new ArrayList<>();
    private final List<UnresolvedPackage.WorldSpans> worldSpans = new ArrayList<>();
    private final Map<AnonKey, TypeId> anonTypes = new HashMap<>();
    private final List<LinkedHashMap<String, Named>> interfaceScopes = new ArrayList<>();
    private final List<LinkedHashMap<String, Item>> fileItems = new ArrayList<>();
    private final LinkedHashMap<String, Item> packageItems = new LinkedHashMap<>();
    private final LinkedHashMap<PackageName, LinkedHashMap<String, UnresolvedPackage.ForeignItem>> foreignDeps =
            new LinkedHashMap<>();
    private final List<Span> foreignDepSpans = new ArrayList<>();
    private final Set<Integer> foreignInterfaces = new HashSet<>();
    private final List<UnresolvedPackage.RequiredResource> requiredResources = new ArrayList<>();
    private final Map<Integer, List<Span>> memberSpans = new HashMap<>();
    private LinkedHashMap<String, Named> scope = new LinkedHashMap<>();
    private int currentFile;

    /** Adds one file (or nested package body) of this package. */
    void push(Ast.PackageFile file) {
        Ast.PackageName header = file.packageName();
        if (header != null) {
            PackageName name = modelName(header);
            if (packageName != null && !packageName.equals(name)) {
                throw header.span().error("package identifier `" + name + "` does not match previous package name of `"
                        + packageName + "`");
            }
            packageName = name;
            packageNameSpan = header.span();
            Docs docs = DocsAndGates.docs(header.docs());
            if (!docs.isEmpty()) {
                if (!packageDocs.isEmpty()) {
                    throw header.docs().span().error("found doc comments on multiple 'package' items");
                }
                packageDocs = docs;
            }
        }
        for (AstItem item : file.items()) {
            if (item instanceof Ast.NestedPackage nested) {
                throw nested.span().error("nested packages must be placed at the top-level");
            }
        }
        declLists.add(file.items());
    }

    static PackageName modelName(Ast.PackageName name) {
        return new PackageName(name.namespace().name(), name.name().name(), Optional.ofNullable(name.version()));
    }

    /**
     * Resolves everything pushed. A missing {@code package} header is reported at the start of {@code first}, the
     * first file of the package, or at {@code where} when the package has no file at all.
     */
    UnresolvedPackage resolve(Path where, Source first) {
        if (packageName == null) {
            String message = "no `package` header was found in any WIT file for this package";
            throw first == null ? new WitException(where, message) : first.error(0, message);
        }
        populateForeignDeps();
        Order order = populateAstItems();
        populateForeignTypes();
        Map<Integer, Ast.InterfaceDecl> ifaceAst = new HashMap<>();
        Map<Integer, Ast.WorldDecl> worldAst = new HashMap<>();
        Map<Integer, Integer> ifaceFile = new HashMap<>();
        Map<Integer, Integer> worldFile = new HashMap<>();
        for (int i = 0; i < declLists.size(); i++) {
            for (AstItem item : declLists.get(i)) {
                if (item instanceof Ast.InterfaceDecl decl) {
                    int id = fileItems.get(i).get(decl.name().name()).id();
                    ifaceAst.put(id, decl);
                    ifaceFile.put(id, i);
                } else if (item instanceof Ast.WorldDecl decl) {
                    int id = fileItems.get(i).get(decl.name().name()).id();
                    worldAst.put(id, decl);
                    worldFile.put(id, i);
                }
            }
        }
        for (int id : order.interfaces()) {
            currentFile = ifaceFile.get(id);
            Ast.InterfaceDecl decl = ifaceAst.get(id);
            resolveInterface(id, decl.items(), decl.docs(), decl.attributes());
        }
        for (int id : order.worlds()) {
            currentFile = worldFile.get(id);
            resolveWorld(id, worldAst.get(id));
        }
        return new UnresolvedPackage(packageName, packageNameSpan, packageDocs, types, typeSpans, interfaces,
                interfaceSpans, worlds, worldSpans, foreignDeps, foreignDepSpans, requiredResources, memberSpans);
    }

    private void populateForeignDeps() {
        for (List<AstItem> decls : declLists) {
            UsePaths.forEach(decls, (iface, attrs, path, names, kind) -> {
                if (!(path instanceof Ast.PackagePath pp)) {
                    return;
                }
                Stability stability = DocsAndGates.stability(attrs);
                PackageName name = modelName(pp.pkg());
                LinkedHashMap<String, UnresolvedPackage.ForeignItem> deps = foreignDeps.get(name);
                if (deps == null) {
                    deps = new LinkedHashMap<>();
                    foreignDeps.put(name, deps);
                    foreignDepSpans.add(pp.pkg().span());
                }
                UnresolvedPackage.ForeignItem item = deps.get(pp.name().name());
                if (item == null) {
                    item = kind == UsePaths.Kind.WORLD
                            ? new UnresolvedPackage.ForeignItem(true, allocWorld(pp.name().span()), new ArrayList<>())
                            : new UnresolvedPackage.ForeignItem(false, allocInterface(pp.name().span()),
                                    new ArrayList<>());
                    deps.put(pp.name().name(), item);
                }
                item.stabilities().add(stability);
                if (!item.world()) {
                    foreignInterfaces.add(item.id());
                }
            });
        }
    }

    private int allocInterface(Span span) {
        interfaceScopes.add(new LinkedHashMap<>());
        interfaceSpans.add(new UnresolvedPackage.InterfaceSpans(span, new ArrayList<>()));
        interfaces.add(new MutableInterface());
        return interfaces.size() - 1;
    }

    private int allocWorld(Span span) {
        worldSpans.add(new UnresolvedPackage.WorldSpans(span, new ArrayList<>(), new ArrayList<>()));
        MutableWorld world = new MutableWorld();
        world.name = "";
        worlds.add(world);
        return worlds.size() - 1;
    }

    /** Local interface and world ids in the order to resolve them: each after what it {@code use}s. */
    private record Order(List<Integer> interfaces, List<Integer> worlds) {}

    /** Allocates local interfaces and worlds in dependency order. */
    private Order populateAstItems() {
        LinkedHashMap<String, Span> names = new LinkedHashMap<>();
        Map<String, Boolean> isWorld = new HashMap<>();
        LinkedHashMap<String, List<Id>> order = new LinkedHashMap<>();
        for (List<AstItem> decls : declLists) {
            for (AstItem item : decls) {
                Id name = switch (item) {
                    case Ast.InterfaceDecl i -> i.name();
                    case Ast.WorldDecl w -> w.name();
                    default -> null;
                };
                if (name == null) {
                    continue;
                }
                if (names.putIfAbsent(name.name(), name.span()) != null) {
                    throw name.span().error("duplicate item named `" + name.name() + "`");
                }
                isWorld.put(name.name(), item instanceof Ast.WorldDecl);
                order.put(name.name(), new ArrayList<>());
            }
        }
        for (List<AstItem> decls : declLists) {
            Map<String, Id> localSource = new HashMap<>();
            Set<String> fileNames = new HashSet<>();
            for (AstItem item : decls) {
                Id name;
                Id source;
                switch (item) {
                    case Ast.ToplevelUse u -> {
                        name = u.as() != null ? u.as() : u.item().name();
                        source = u.item() instanceof Ast.LocalPath lp ? lp.name() : null;
                    }
                    case Ast.InterfaceDecl i -> {
                        name = i.name();
                        source = i.name();
                    }
                    case Ast.WorldDecl w -> {
                        name = w.name();
                        source = w.name();
                    }
                    case Ast.NestedPackage n -> throw new IllegalStateException("nested package in a package");
                }
                if (!fileNames.add(name.name())) {
                    throw name.span().error("duplicate name `" + name.name() + "` in this file");
                }
                localSource.put(name.name(), source);
            }
            UsePaths.forEach(decls, (iface, attrs, path, useNames, kind) -> {
                if (iface == null || !(path instanceof Ast.LocalPath lp)) {
                    return;
                }
                Id used = lp.name();
                if (fileNames.contains(used.name())) {
                    Id source = localSource.get(used.name());
                    if (source != null) {
                        order.get(iface.name()).add(source);
                    }
                } else if (names.containsKey(used.name())) {
                    order.get(iface.name()).add(used);
                } else {
                    throw used.span().error("interface or world `" + used.name() + "` does not exist");
                }
            });
        }
        List<String> sorted = TopoSort.sort("interface or world", order);
        Map<String, Item> ids = new HashMap<>();
        List<Integer> ifaceOrder = new ArrayList<>();
        List<Integer> worldOrder = new ArrayList<>();
        for (String name : sorted) {
            if (isWorld.get(name)) {
                int id = allocWorld(names.get(name));
                worlds.get(id).name = name;
                ids.put(name, new Item(true, id));
                worldOrder.add(id);
            } else {
                int id = allocInterface(names.get(name));
                interfaces.get(id).name = name;
                ids.put(name, new Item(false, id));
                ifaceOrder.add(id);
            }
        }
        for (List<AstItem> decls : declLists) {
            LinkedHashMap<String, Item> items = new LinkedHashMap<>();
            for (AstItem item : decls) {
                switch (item) {
                    case Ast.ToplevelUse u -> {
                        if (!u.attributes().isEmpty()) {
                            throw u.span().error("attributes not allowed on top-level use");
                        }
                        Id name = u.as() != null ? u.as() : u.item().name();
                        Item target = switch (u.item()) {
                            case Ast.LocalPath lp -> {
                                Item found = ids.get(lp.name().name());
                                if (found == null) {
                                    throw lp.name().span().error("interface or world `" + lp.name().name()
                                            + "` does not exist");
                                }
                                yield found;
                            }
                            case Ast.PackagePath pp -> foreign(pp);
                        };
                        items.put(name.name(), target);
                    }
                    case Ast.InterfaceDecl i -> {
                        items.put(i.name().name(), ids.get(i.name().name()));
                        packageItems.put(i.name().name(), ids.get(i.name().name()));
                    }
                    case Ast.WorldDecl w -> {
                        items.put(w.name().name(), ids.get(w.name().name()));
                        packageItems.put(w.name().name(), ids.get(w.name().name()));
                    }
                    case Ast.NestedPackage n -> throw new IllegalStateException("nested package in a package");
                }
            }
            fileItems.add(items);
        }
        return new Order(ifaceOrder, worldOrder);
    }

    private Item foreign(Ast.PackagePath pp) {
        UnresolvedPackage.ForeignItem f = foreignDeps.get(modelName(pp.pkg())).get(pp.name().name());
        return new Item(f.world(), f.id());
    }

    /** Creates an {@code Unknown} type for each name {@code use}d from a foreign interface. */
    private void populateForeignTypes() {
        for (int i = 0; i < declLists.size(); i++) {
            currentFile = i;
            UsePaths.forEach(declLists.get(i), (iface, attrs, path, names, kind) -> {
                if (names == null) {
                    return;
                }
                Stability stability = DocsAndGates.stability(attrs);
                int from = interfaceOf(resolvePath(path), path.name());
                if (!foreignInterfaces.contains(from)) {
                    return;
                }
                LinkedHashMap<String, Named> lookup = interfaceScopes.get(from);
                for (Ast.UseName name : names) {
                    if (lookup.containsKey(name.name().name())) {
                        continue;
                    }
                    TypeOwner owner = new TypeOwner.InInterface(new InterfaceId(from));
                    TypeId id = addType(new MutableType(name.name().name(), new TypeDefKind.Unknown(), owner,
                            Docs.NONE, stability), name.name().span());
                    lookup.put(name.name().name(), new Named(id, null, name.name().span()));
                    interfaces.get(from).types.put(name.name().name(), id);
                }
            });
        }
    }

    private TypeId addType(MutableType type, Span span) {
        types.add(type);
        typeSpans.add(span);
        return new TypeId(types.size() - 1);
    }

    private Item resolvePath(Ast.UsePath path) {
        return switch (path) {
            case Ast.LocalPath lp -> {
                Item item = fileItems.get(currentFile).get(lp.name().name());
                if (item == null) {
                    item = packageItems.get(lp.name().name());
                }
                if (item == null) {
                    throw lp.name().span().error("interface or world `" + lp.name().name() + "` does not exist");
                }
                yield item;
            }
            case Ast.PackagePath pp -> foreign(pp);
        };
    }

    private int interfaceOf(Item item, Id name) {
        if (item.world()) {
            throw name.span().error("name `" + name.name() + "` is defined as a world, not an interface");
        }
        return item.id();
    }

    private int worldOf(Item item, Id name) {
        if (!item.world()) {
            throw name.span().error("name `" + name.name() + "` is defined as an interface, not a world");
        }
        return item.id();
    }

    // ---- worlds ----

    private void resolveWorld(int worldId, Ast.WorldDecl decl) {
        MutableWorld world = worlds.get(worldId);
        world.docs = DocsAndGates.docs(decl.docs());
        world.stability = DocsAndGates.stability(decl.attributes());
        TypeOwner owner = new TypeOwner.InWorld(new WorldId(worldId));
        List<Object> typeItems = new ArrayList<>();
        for (Ast.WorldItem item : decl.items()) {
            if (item instanceof Ast.Use || item instanceof Ast.TypeDef) {
                typeItems.add(item);
            }
        }
        resolveTypes(owner, typeItems);
        for (Ast.WorldItem item : decl.items()) {
            if (item instanceof Ast.Include inc) {
                Stability stability = DocsAndGates.stability(inc.attributes());
                int from = worldOf(resolvePath(inc.from()), inc.from().name());
                List<MutableWorld.Rename> renames = inc.names().stream()
                        .map(n -> new MutableWorld.Rename(n.name().name(), n.as().name())).toList();
                world.includes.add(new MutableWorld.PendingInclude(stability, new WorldId(from), renames,
                        inc.from().name().span()));
            }
        }
        UnresolvedPackage.WorldSpans spans = worldSpans.get(worldId);
        for (Map.Entry<String, Named> e : scope.entrySet()) {
            WorldKey key = new WorldKey.Name(e.getKey());
            if (world.imports.put(key, new WorldItem.TypeItem(e.getValue().type())) != null) {
                throw e.getValue().span().error("import `" + e.getKey() + "` conflicts with prior import of same name");
            }
            spans.imports().add(e.getValue().span());
        }
        Set<InterfaceId> importedInterfaces = new HashSet<>();
        Set<InterfaceId> exportedInterfaces = new HashSet<>();
        for (Ast.WorldItem item : decl.items()) {
            Ast.Docs docs;
            List<Ast.Attribute> attrs;
            Ast.ExternKind kind;
            boolean isImport;
            switch (item) {
                case Ast.Import imp -> {
                    docs = imp.docs();
                    attrs = imp.attributes();
                    kind = imp.kind();
                    isImport = true;
                }
                case Ast.Export exp -> {
                    docs = exp.docs();
                    attrs = exp.attributes();
                    kind = exp.kind();
                    isImport = false;
                }
                case Ast.TypeDef td when td.type() instanceof Ast.Resource r -> {
                    for (Ast.ResourceFunc func : r.funcs()) {
                        spans.imports().add(func.func().name().span());
                        Function f = resolveResourceFunc(func, td.name());
                        world.imports.put(new WorldKey.Name(f.name()), new WorldItem.FunctionItem(f));
                    }
                    continue;
                }
                default -> {
                    continue;
                }
            }
            String desc = isImport ? "import" : "export";
            WorldItem worldItem = resolveWorldItem(docs, attrs, kind);
            WorldKey key = switch (kind) {
                case Ast.ExternInterface inline -> new WorldKey.Name(inline.name().name());
                case Ast.ExternFunc fn -> new WorldKey.Name(((WorldItem.FunctionItem) worldItem).function().name());
                case Ast.ExternPath p -> new WorldKey.Iface(new InterfaceId(interfaceOf(resolvePath(p.path()),
                        p.path().name())));
                case Ast.ExternNamedPath p -> new WorldKey.Name(p.label().name());
            };
            // A labelled import may name the same interface as another one: that is its purpose.
            if (worldItem instanceof WorldItem.InterfaceItem ii && !(kind instanceof Ast.ExternNamedPath)) {
                Set<InterfaceId> seen = isImport ? importedInterfaces : exportedInterfaces;
                if (!seen.add(ii.id())) {
                    throw kind.span().error("interface cannot be " + desc + "ed more than once");
                }
            }
            LinkedHashMap<WorldKey, WorldItem> dst = isImport ? world.imports : world.exports;
            WorldItem prev = dst.put(key, worldItem);
            if (prev != null) {
                String prevDesc = switch (prev) {
                    case WorldItem.InterfaceItem i -> "interface";
                    case WorldItem.FunctionItem f -> "func";
                    case WorldItem.TypeItem t -> "type";
                };
                String name = ((WorldKey.Name) key).name();
                throw kind.span().error(desc + " `" + name + "` conflicts with prior " + prevDesc + " of same name");
            }
            (isImport ? spans.imports() : spans.exports()).add(kind.span());
        }
        scope = new LinkedHashMap<>();
    }

    private WorldItem resolveWorldItem(Ast.Docs docs, List<Ast.Attribute> attrs, Ast.ExternKind kind) {
        return switch (kind) {
            case Ast.ExternInterface inline -> {
                LinkedHashMap<String, Named> saved = scope;
                scope = new LinkedHashMap<>();
                int id = allocInterface(inline.name().span());
                resolveInterface(id, inline.items(), docs, attrs);
                scope = saved;
                yield new WorldItem.InterfaceItem(new InterfaceId(id), interfaces.get(id).stability);
            }
            case Ast.ExternPath p -> pathItem(p.path(), attrs);
            case Ast.ExternNamedPath p -> pathItem(p.path(), attrs);
            case Ast.ExternFunc fn -> new WorldItem.FunctionItem(resolveFunction(docs, attrs, fn.name().name(),
                    fn.func(), new FunctionKind.Freestanding(fn.func().async())));
        };
    }

    private WorldItem pathItem(Ast.UsePath path, List<Ast.Attribute> attrs) {
        Stability stability = DocsAndGates.stability(attrs);
        int id = interfaceOf(resolvePath(path), path.name());
        return new WorldItem.InterfaceItem(new InterfaceId(id), stability);
    }

    // ---- interfaces ----

    private void resolveInterface(int id, List<Ast.InterfaceItem> items, Ast.Docs docs, List<Ast.Attribute> attrs) {
        MutableInterface iface = interfaces.get(id);
        iface.docs = DocsAndGates.docs(docs);
        iface.stability = DocsAndGates.stability(attrs);
        List<Object> typeItems = new ArrayList<>();
        for (Ast.InterfaceItem item : items) {
            if (item instanceof Ast.Use || item instanceof Ast.TypeDef) {
                typeItems.add(item);
            }
        }
        resolveTypes(new TypeOwner.InInterface(new InterfaceId(id)), typeItems);
        for (Map.Entry<String, Named> e : scope.entrySet()) {
            iface.types.put(e.getKey(), e.getValue().type());
        }
        List<Function> funcs = new ArrayList<>();
        List<Span> funcSpans = interfaceSpans.get(id).funcs();
        for (Ast.InterfaceItem item : items) {
            if (item instanceof Ast.NamedFunc f) {
                define(f.name(), new Named(null, "function", f.name().span()));
                funcs.add(resolveFunction(f.docs(), f.attributes(), f.name().name(), f.func(),
                        new FunctionKind.Freestanding(f.func().async())));
                funcSpans.add(f.name().span());
            } else if (item instanceof Ast.TypeDef td && td.type() instanceof Ast.Resource r) {
                for (Ast.ResourceFunc func : r.funcs()) {
                    funcs.add(resolveResourceFunc(func, td.name()));
                    funcSpans.add(func.func().name().span());
                }
            }
        }
        for (Function f : funcs) {
            iface.functions.put(f.name(), f);
        }
        interfaceScopes.set(id, scope);
        scope = new LinkedHashMap<>();
    }

    private void resolveTypes(TypeOwner owner, List<Object> items) {
        for (Object item : items) {
            if (item instanceof Ast.Use u) {
                resolveUse(owner, u);
            }
        }
        LinkedHashMap<String, List<Id>> deps = new LinkedHashMap<>();
        LinkedHashMap<String, Ast.TypeDef> defs = new LinkedHashMap<>();
        for (Object item : items) {
            if (item instanceof Ast.TypeDef t) {
                if (defs.containsKey(t.name().name())) {
                    throw t.name().span().error("name `" + t.name().name() + "` is defined more than once");
                }
                defs.put(t.name().name(), t);
                List<Id> typeDeps = new ArrayList<>();
                AstTypes.collectDeps(t.type(), typeDeps);
                deps.put(t.name().name(), typeDeps);
            } else if (item instanceof Ast.Use u) {
                for (Ast.UseName name : u.names()) {
                    deps.put(name.local().name(), List.of());
                    defs.put(name.local().name(), null);
                }
            }
        }
        for (String name : TopoSort.sort("type", deps)) {
            Ast.TypeDef def = defs.remove(name);
            if (def == null) {
                continue;
            }
            Docs docs = DocsAndGates.docs(def.docs());
            Stability stability = DocsAndGates.stability(def.attributes());
            TypeDefKind kind = resolveTypeDef(def.type(), stability);
            TypeId id = addType(new MutableType(def.name().name(), kind, owner, docs, stability), def.name().span());
            switch (def.type()) {
                case Ast.Record r -> memberSpans.put(id.index(),
                        r.fields().stream().map(f -> f.name().span()).toList());
                case Ast.Variant v -> memberSpans.put(id.index(),
                        v.cases().stream().map(c -> c.name().span()).toList());
                default -> { }
            }
            define(def.name(), new Named(id, null, def.name().span()));
        }
    }

    private void resolveUse(TypeOwner owner, Ast.Use u) {
        int from = interfaceOf(resolvePath(u.from()), u.from().name());
        Stability stability = DocsAndGates.stability(u.attributes());
        for (Ast.UseName name : u.names()) {
            Named found = interfaceScopes.get(from).get(name.name().name());
            if (found == null) {
                throw name.name().span().error("name `" + name.name().name() + "` does not exist");
            }
            if (found.type() == null) {
                throw name.name().span().error("cannot import " + found.item() + " `" + name.name().name() + "`");
            }
            Id local = name.local();
            TypeId id = addType(new MutableType(local.name(), new TypeDefKind.Alias(Type.of(found.type())), owner,
                    Docs.NONE, stability), name.name().span());
            define(local, new Named(id, null, local.span()));
        }
    }

    private void define(Id name, Named named) {
        if (scope.putIfAbsent(name.name(), named) != null) {
            throw name.span().error("name `" + name.name() + "` is defined more than once");
        }
    }

    private Function resolveResourceFunc(Ast.ResourceFunc func, Id resource) {
        TypeId resourceId = scope.get(resource.name()).type();
        Ast.NamedFunc named = func.func();
        boolean async = named.func().async();
        String name;
        FunctionKind kind;
        switch (func.kind()) {
            case METHOD -> {
                name = Function.methodName(resource.name(), named.name().name());
                kind = new FunctionKind.Method(resourceId, async);
            }
            case STATIC -> {
                name = Function.staticName(resource.name(), named.name().name());
                kind = new FunctionKind.Static(resourceId, async);
            }
            case CONSTRUCTOR -> {
                name = Function.constructorName(resource.name());
                kind = new FunctionKind.Constructor(resourceId);
            }
            default -> throw new IllegalStateException();
        }
        return resolveFunction(named.docs(), named.attributes(), name, named.func(), kind);
    }

    private Function resolveFunction(Ast.Docs docs, List<Ast.Attribute> attrs, String name, Ast.Func func,
                                     FunctionKind kind) {
        Docs resolvedDocs = DocsAndGates.docs(docs);
        Stability stability = DocsAndGates.stability(attrs);
        List<Param> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (kind instanceof FunctionKind.Method m) {
            TypeDefKind borrow = new TypeDefKind.Borrow(m.resource());
            params.add(new Param("self", anonType(new MutableType(null, borrow, TypeOwner.NONE, Docs.NONE,
                    findStability(borrow, Stability.UNKNOWN)), func.span())));
            seen.add("self");
        }
        for (Ast.Param p : func.params()) {
            if (!seen.add(p.name().name())) {
                throw p.name().span().error("param `" + p.name().name() + "` is defined more than once");
            }
            params.add(new Param(p.name().name(), resolveType(p.type(), Stability.UNKNOWN)));
        }
        Optional<Type> result;
        if (kind instanceof FunctionKind.Constructor c) {
            result = Optional.of(func.result() == null ? Type.of(c.resource())
                    : constructorResult(c.resource(), func.result()));
        } else {
            result = func.result() == null ? Optional.empty()
                    : Optional.of(resolveType(func.result(), Stability.UNKNOWN));
        }
        return new Function(name, kind, params, result, resolvedDocs, stability);
    }

    private Type constructorResult(TypeId resource, Ast.Type resultAst) {
        Type result = resolveType(resultAst, Stability.UNKNOWN);
        if (!(result instanceof Type.Ref(TypeId id)) || !(types.get(id.index()).kind instanceof TypeDefKind.Result r)) {
            throw resultAst.span().error("if a constructor return type is declared it must be a `result`");
        }
        if (r.ok().isPresent() && r.ok().get() instanceof Type.Ref(TypeId ok) && ok.equals(resource)) {
            return result;
        }
        Span okSpan = resultAst instanceof Ast.ResultType rt && rt.ok() != null ? rt.ok().span() : resultAst.span();
        throw okSpan.error("the `ok` type must be the resource being constructed");
    }

    // ---- types ----

    private TypeDefKind resolveTypeDef(Ast.Type type, Stability stability) {
        return switch (type) {
            case Ast.PrimitiveType p -> new TypeDefKind.Alias(AstTypes.primitive(p.primitive()));
            case Ast.Name n -> new TypeDefKind.Alias(Type.of(resolveTypeName(n.id())));
            case Ast.ListType l -> new TypeDefKind.List(resolveType(l.element(), stability));
            case Ast.FixedSizeListType l -> new TypeDefKind.FixedSizeList(resolveType(l.element(), stability),
                    Integer.toUnsignedLong(l.size()));
            case Ast.MapType m -> {
                Type key = resolveType(m.key(), stability);
                Type value = resolveType(m.value(), stability);
                if (!(key instanceof Type.Primitive p) || p == Type.Primitive.F32 || p == Type.Primitive.F64
                        || p == Type.Primitive.ERROR_CONTEXT) {
                    throw m.span().error("invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, "
                            + "s32, s64, char, or string");
                }
                yield new TypeDefKind.Map(key, value);
            }
            case Ast.Handle h -> h.borrow() ? new TypeDefKind.Borrow(validateResource(h.resource()))
                    : new TypeDefKind.Own(validateResource(h.resource()));
            case Ast.Resource r -> {
                Set<String> names = new HashSet<>();
                int constructors = 0;
                for (Ast.ResourceFunc f : r.funcs()) {
                    if (f.kind() == Ast.ResourceFuncKind.CONSTRUCTOR) {
                        if (++constructors > 1) {
                            throw f.func().name().span().error("duplicate constructors");
                        }
                    } else if (!names.add(f.func().name().name())) {
                        throw f.func().name().span().error("duplicate function name `" + f.func().name().name() + "`");
                    }
                }
                yield new TypeDefKind.Resource();
            }
            case Ast.Record r -> new TypeDefKind.Record(r.fields().stream()
                    .map(f -> new TypeDefKind.Field(f.name().name(), resolveType(f.type(), stability),
                            DocsAndGates.docs(f.docs())))
                    .toList());
            case Ast.Flags f -> new TypeDefKind.Flags(f.flags().stream()
                    .map(flag -> new TypeDefKind.Flag(flag.name().name(), DocsAndGates.docs(flag.docs()))).toList());
            case Ast.Tuple t -> new TypeDefKind.Tuple(t.types().stream().map(x -> resolveType(x, stability)).toList());
            case Ast.Variant v -> {
                if (v.cases().isEmpty()) {
                    throw v.span().error("empty variant");
                }
                yield new TypeDefKind.Variant(v.cases().stream()
                        .map(c -> new TypeDefKind.Case(c.name().name(), optionalType(c.type(), stability),
                                DocsAndGates.docs(c.docs())))
                        .toList());
            }
            case Ast.Enum e -> {
                if (e.cases().isEmpty()) {
                    throw e.span().error("empty enum");
                }
                yield new TypeDefKind.Enum(e.cases().stream()
                        .map(c -> new TypeDefKind.EnumCase(c.name().name(), DocsAndGates.docs(c.docs()))).toList());
            }
            case Ast.OptionType o -> new TypeDefKind.Option(resolveType(o.type(), stability));
            case Ast.ResultType r -> new TypeDefKind.Result(optionalType(r.ok(), stability),
                    optionalType(r.err(), stability));
            case Ast.FutureType f -> new TypeDefKind.Future(optionalType(f.type(), stability));
            case Ast.StreamType s -> new TypeDefKind.Stream(optionalType(s.type(), stability));
        };
    }


    private Optional<Type> optionalType(Ast.Type type, Stability stability) {
        return type == null ? Optional.empty() : Optional.of(resolveType(type, stability));
    }

    private TypeId resolveTypeName(Id name) {
        Named named = scope.get(name.name());
        if (named == null) {
            throw name.span().error("name `" + name.name() + "` does not exist");
        }
        if (named.type() == null) {
            throw name.span().error("cannot use " + named.item() + " `" + name.name() + "` as a type");
        }
        return named.type();
    }

    private TypeId validateResource(Id name) {
        TypeId id = resolveTypeName(name);
        TypeId cur = id;
        while (true) {
            TypeDefKind kind = types.get(cur.index()).kind;
            if (kind instanceof TypeDefKind.Resource) {
                return id;
            } else if (kind instanceof TypeDefKind.Alias(Type.Ref(TypeId next))) {
                cur = next;
            } else if (kind instanceof TypeDefKind.Unknown) {
                requiredResources.add(new UnresolvedPackage.RequiredResource(cur, name.span()));
                return id;
            } else {
                throw name.span().error("type `" + name.name() + "` used in a handle must be a resource");
            }
        }
    }

    private Type resolveType(Ast.Type type, Stability stability) {
        TypeDefKind kind = resolveTypeDef(type, stability);
        return anonType(new MutableType(null, kind, TypeOwner.NONE, Docs.NONE, findStability(kind, stability)),
                type.span());
    }

    /** Interns an anonymous type: structurally equal anonymous types share one id; aliases and own collapse. */
    private Type anonType(MutableType type, Span span) {
        TypeDefKind kind = type.kind;
        if (kind instanceof TypeDefKind.Alias(Type target)) {
            return target;
        }
        if (kind instanceof TypeDefKind.Own(TypeId resource)) {
            return Type.of(resource);
        }
        AnonKey key = AnonKey.of(kind);
        TypeId id = anonTypes.get(key);
        if (id == null) {
            id = addType(type, span);
            anonTypes.put(key, id);
        }
        return Type.of(id);
    }

    /** An unannotated anonymous type inherits the gate of the first gated type it refers to. */
    private Stability findStability(TypeDefKind kind, Stability stability) {
        if (!stability.isUnknown()) {
            return stability;
        }
        List<Type> refs = switch (kind) {
            case TypeDefKind.Alias a -> List.of(a.target());
            case TypeDefKind.Own o -> List.of(Type.of(o.resource()));
            case TypeDefKind.Borrow b -> List.of(Type.of(b.resource()));
            case TypeDefKind.Tuple t -> t.types();
            case TypeDefKind.List l -> List.of(l.element());
            case TypeDefKind.FixedSizeList l -> List.of(l.element());
            case TypeDefKind.Option o -> List.of(o.type());
            case TypeDefKind.Map m -> List.of(m.key(), m.value());
            case TypeDefKind.Future f -> f.payload().stream().toList();
            case TypeDefKind.Stream s -> s.element().stream().toList();
            case TypeDefKind.Result r -> java.util.stream.Stream.concat(r.ok().stream(), r.err().stream()).toList();
            default -> List.of();
        };
        for (Type t : refs) {
            if (t instanceof Type.Ref(TypeId id) && !types.get(id.index()).stability.isUnknown()) {
                return types.get(id.index()).stability;
            }
        }
        return Stability.UNKNOWN;
    }

}
