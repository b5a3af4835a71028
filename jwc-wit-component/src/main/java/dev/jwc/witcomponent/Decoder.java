package dev.jwc.witcomponent;

import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.ValType;
import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.ResolveBuilder;
import dev.jwc.wit.model.Stability;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the component-level types of a binary WIT package or of a component into a {@link Resolve}, the way
 * wit-component's decoder does: named types are the ones imported or exported by name, interfaces the
 * instances named {@code ns:pkg/name[@version]} (foreign ones keep what was seen of them), worlds the
 * component types exported under a qualified name.
 */
final class Decoder {
    /** Deepest chain of type references followed before giving up on hostile input. */
    private static final int MAX_DEPTH = 500;

    private final ResolveBuilder builder = new ResolveBuilder();
    private final Map<TypeEntry, TypeId> typeIds = new IdentityHashMap<>();
    private final Set<TypeEntry> converting = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<PackageName, PackageId> packages = new LinkedHashMap<>();
    private final Map<PackageId, Map<String, InterfaceId>> packageInterfaces = new HashMap<>();
    private final Map<PackageId, Map<String, WorldId>> packageWorlds = new HashMap<>();
    private final Map<InterfaceId, Draft> interfaces = new LinkedHashMap<>();
    private final Map<WorldId, WorldDraft> worlds = new LinkedHashMap<>();
    private int depth;

    /** An interface being filled: its types and functions by name. */
    private record Draft(Optional<String> name, Map<String, TypeId> types, Map<String, Function> functions,
                         Optional<PackageId> pkg) {}

    private record WorldDraft(String name, Map<WorldKey, WorldItem> imports, Map<WorldKey, WorldItem> exports,
                              Map<String, TypeId> types, PackageId pkg) {}

    /** The package named {@code name}, created on first use. */
    PackageId packageOf(PackageName name) {
        return packages.computeIfAbsent(name, n -> {
            PackageId id = builder.add(new WitPackage(n, Docs.NONE, Map.of(), Map.of()));
            packageInterfaces.put(id, new LinkedHashMap<>());
            packageWorlds.put(id, new LinkedHashMap<>());
            return id;
        });
    }

    /** The interface named by {@code qualified} ({@code ns:pkg/name[@version]}), created on first use. */
    InterfaceId interfaceOf(String qualified) {
        QualifiedName q = QualifiedName.parse(qualified);
        PackageId pkg = packageOf(q.pkg());
        Map<String, InterfaceId> byName = packageInterfaces.get(pkg);
        InterfaceId existing = byName.get(q.item());
        if (existing != null) {
            return existing;
        }
        InterfaceId id = newInterface(Optional.of(q.item()), pkg);
        byName.put(q.item(), id);
        return id;
    }

    private InterfaceId newInterface(Optional<String> name, PackageId pkg) {
        InterfaceId id = builder.add(new Interface(name, Map.of(), Map.of(), Docs.NONE, Stability.UNKNOWN,
                Optional.of(pkg)));
        interfaces.put(id, new Draft(name, new LinkedHashMap<>(), new LinkedHashMap<>(), Optional.of(pkg)));
        return id;
    }

    /**
     * Adds what {@code instance} shows of interface {@code id}: its named types (matched by name when the
     * interface was seen before) and, when {@code withFunctions}, its functions.
     */
    void fillInterface(InterfaceId id, Scope instance, boolean withFunctions) {
        Draft draft = interfaces.get(id);
        for (Map.Entry<String, Extern> e : instance.exports.entrySet()) {
            String name = e.getKey();
            switch (e.getValue()) {
                case Extern.Type(TypeEntry entry) -> {
                    TypeId known = draft.types().get(name);
                    if (known != null) {
                        registerChain(entry, known);
                    } else {
                        draft.types().put(name, defineNamed(name, entry, new TypeOwner.InInterface(id)));
                    }
                }
                case Extern.Func(TypeEntry.Func f) -> {
                    if (withFunctions && !draft.functions().containsKey(name)) {
                        draft.functions().put(name, function(name, f, draft.types()));
                    }
                }
                default -> throw new WitComponentException("interface export `" + name
                        + "` is neither a type nor a function");
            }
        }
    }

    /** Decodes the component type of world {@code name} of package {@code pkg}. */
    WorldId world(String name, Scope body, PackageId pkg) {
        WorldId id = builder.add(new World(name, Map.of(), Map.of(), Optional.of(pkg), Docs.NONE,
                Stability.UNKNOWN));
        WorldDraft draft = new WorldDraft(name, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                pkg);
        worlds.put(id, draft);
        packageWorlds.get(pkg).put(name, id);
        items(id, draft, body, body.imports, draft.imports(), true);
        items(id, draft, body, body.exports, draft.exports(), false);
        return id;
    }

    private void items(WorldId world, WorldDraft draft, Scope body, Map<String, Extern> externs,
                       Map<WorldKey, WorldItem> into, boolean imports) {
        for (Map.Entry<String, Extern> e : externs.entrySet()) {
            String name = e.getKey();
            switch (e.getValue()) {
                case Extern.Instance(Scope instance) -> {
                    String implemented = body.implementsOf.get(name);
                    if (implemented != null) {
                        InterfaceId iface = interfaceOf(implemented);
                        fillInterface(iface, instance, true);
                        into.put(new WorldKey.Name(name), new WorldItem.InterfaceItem(iface, Stability.UNKNOWN));
                    } else if (QualifiedName.isQualified(name)) {
                        InterfaceId iface = interfaceOf(name);
                        fillInterface(iface, instance, true);
                        into.put(new WorldKey.Iface(iface), new WorldItem.InterfaceItem(iface, Stability.UNKNOWN));
                    } else {
                        InterfaceId iface = newInterface(Optional.empty(), draft.pkg());
                        fillInterface(iface, instance, true);
                        into.put(new WorldKey.Name(name), new WorldItem.InterfaceItem(iface, Stability.UNKNOWN));
                    }
                }
                case Extern.Func(TypeEntry.Func f) -> into.put(new WorldKey.Name(name),
                        new WorldItem.FunctionItem(function(name, f, draft.types())));
                case Extern.Type(TypeEntry entry) when imports -> {
                    TypeId type = defineNamed(name, entry, new TypeOwner.InWorld(world));
                    draft.types().put(name, type);
                    into.put(new WorldKey.Name(name), new WorldItem.TypeItem(type));
                }
                // A component may export types beside its world; they are not part of the world.
                case Extern.Type t when !imports -> { }
                default -> throw new WitComponentException("world " + (imports ? "import" : "export") + " `"
                        + name + "` is not " + (imports ? "an instance, a function or a type"
                        : "an instance or a function"));
            }
        }
    }

    /** Freezes everything decoded so far. */
    Resolve finish() {
        interfaces.forEach((id, d) -> builder.set(id, new Interface(d.name(), d.types(), d.functions(), Docs.NONE,
                Stability.UNKNOWN, d.pkg())));
        worlds.forEach((id, d) -> builder.set(id, new World(d.name(), d.imports(), d.exports(), Optional.of(d.pkg()),
                Docs.NONE, Stability.UNKNOWN)));
        packages.forEach((name, id) -> builder.set(id, new WitPackage(name, Docs.NONE, packageInterfaces.get(id),
                packageWorlds.get(id))));
        return builder.build();
    }

    /** A type imported or exported as {@code name}: an alias when its target already has a WIT type. */
    private TypeId defineNamed(String name, TypeEntry entry, TypeOwner owner) {
        TypeId existing = typeIds.get(entry);
        if (existing != null && !(entry instanceof TypeEntry.Named)) {
            return existing;
        }
        TypeEntry target = entry instanceof TypeEntry.Named n ? n.target : entry;
        TypeEntry definition = target;
        while (!typeIds.containsKey(definition) && definition instanceof TypeEntry.Named n) {
            definition = n.target;
        }
        TypeDefKind kind;
        if (typeIds.containsKey(definition)) {
            kind = new TypeDefKind.Alias(Type.of(typeIds.get(definition)));
        } else {
            kind = switch (definition) {
                case TypeEntry.Defined d -> kind(d);
                case TypeEntry.Resource r -> new TypeDefKind.Resource();
                default -> throw new WitComponentException("type `" + name + "` is not a value or resource type");
            };
        }
        TypeId id = builder.add(TypeDef.named(name, kind, owner, Docs.NONE, Stability.UNKNOWN));
        registerChain(entry, id);
        return id;
    }

    /** Maps {@code entry} and the not yet mapped entries it names through {@code (eq)} bounds to {@code id}. */
    private void registerChain(TypeEntry entry, TypeId id) {
        TypeEntry e = entry;
        while (e != null && !typeIds.containsKey(e)) {
            typeIds.put(e, id);
            e = e instanceof TypeEntry.Named n ? n.target : null;
        }
    }

    private Function function(String name, TypeEntry.Func entry, Map<String, TypeId> ownerTypes) {
        FuncType type = entry.type;
        List<Param> params = new ArrayList<>();
        for (FuncType.Param p : type.params()) {
            params.add(new Param(p.name(), type(p.type(), entry.scope)));
        }
        Optional<Type> result = type.result().map(r -> type(r, entry.scope));
        FunctionNames.Parsed parsed = FunctionNames.parse(name);
        FunctionKind kind = switch (parsed.kind()) {
            case FREESTANDING -> new FunctionKind.Freestanding(type.async() || parsed.async());
            case METHOD -> new FunctionKind.Method(resource(parsed.resource(), ownerTypes, name),
                    type.async() || parsed.async());
            case STATIC -> new FunctionKind.Static(resource(parsed.resource(), ownerTypes, name),
                    type.async() || parsed.async());
            case CONSTRUCTOR -> new FunctionKind.Constructor(resource(parsed.resource(), ownerTypes, name));
        };
        return new Function(parsed.modelName(), kind, params, result, Docs.NONE, Stability.UNKNOWN);
    }

    private static TypeId resource(String resource, Map<String, TypeId> ownerTypes, String function) {
        TypeId id = ownerTypes.get(resource);
        if (id == null) {
            throw new WitComponentException("function `" + function + "` belongs to unknown resource `"
                    + resource + "`");
        }
        return id;
    }

    private Type type(ValType type, Scope scope) {
        return switch (type) {
            case PrimitiveType p -> primitive(p);
            case ValType.Ref(int index) -> type(scope.type(index));
        };
    }

    private Type type(TypeEntry entry) {
        // Follow (eq) chains iteratively: a hostile binary can make them as long as it has type slots.
        TypeEntry e = entry;
        while (!typeIds.containsKey(e) && e instanceof TypeEntry.Named n) {
            e = n.target;
        }
        Type type = switch (e) {
            case TypeEntry t when typeIds.containsKey(t) -> Type.of(typeIds.get(t));
            case TypeEntry.Defined d when d.type instanceof PrimitiveType p -> primitive(p);
            case TypeEntry.Defined d -> {
                TypeId id = builder.add(TypeDef.anonymous(kind(d)));
                typeIds.put(d, id);
                yield Type.of(id);
            }
            case TypeEntry.Resource r -> throw new WitComponentException("resource "
                    + (r.name == null ? "" : "`" + r.name + "` ") + "used before it is named");
            case TypeEntry.Missing m -> throw new WitComponentException(m.what
                    + " aliases an export its instance does not have");
            default -> throw new WitComponentException("a value type refers to a non-value type");
        };
        if (type instanceof Type.Ref(TypeId id)) {
            registerChain(entry, id);
        }
        return type;
    }

    private TypeDefKind kind(TypeEntry.Defined entry) {
        if (!converting.add(entry) || ++depth > MAX_DEPTH) {
            throw new WitComponentException("type definitions refer to themselves or nest too deeply");
        }
        try {
            Scope s = entry.scope;
            return switch (entry.type) {
                case PrimitiveType p -> new TypeDefKind.Alias(primitive(p));
                case DefinedType.Record r -> new TypeDefKind.Record(r.fields().stream()
                        .map(f -> new TypeDefKind.Field(f.name(), type(f.type(), s), Docs.NONE)).toList());
                case DefinedType.Variant v -> new TypeDefKind.Variant(v.cases().stream()
                        .map(c -> new TypeDefKind.Case(c.name(), c.type().map(t -> type(t, s)), Docs.NONE)).toList());
                case DefinedType.ListOf l -> new TypeDefKind.List(type(l.element(), s));
                case DefinedType.FixedList l -> new TypeDefKind.FixedSizeList(type(l.element(), s),
                        Integer.toUnsignedLong(l.length()));
                case DefinedType.Tuple t -> new TypeDefKind.Tuple(t.types().stream().map(x -> type(x, s)).toList());
                case DefinedType.Flags f -> new TypeDefKind.Flags(f.names().stream()
                        .map(n -> new TypeDefKind.Flag(n, Docs.NONE)).toList());
                case DefinedType.Enum e -> new TypeDefKind.Enum(e.names().stream()
                        .map(n -> new TypeDefKind.EnumCase(n, Docs.NONE)).toList());
                case DefinedType.Option o -> new TypeDefKind.Option(type(o.type(), s));
                case DefinedType.Result r -> new TypeDefKind.Result(r.ok().map(t -> type(t, s)),
                        r.error().map(t -> type(t, s)));
                case DefinedType.Own o -> new TypeDefKind.Own(handleTarget(s.type(o.resource())));
                case DefinedType.Borrow b -> new TypeDefKind.Borrow(handleTarget(s.type(b.resource())));
                case DefinedType.Stream st -> new TypeDefKind.Stream(st.element().map(t -> type(t, s)));
                case DefinedType.Future f -> new TypeDefKind.Future(f.element().map(t -> type(t, s)));
                case DefinedType.MapOf m -> new TypeDefKind.Map(type(m.key(), s), type(m.value(), s));
            };
        } finally {
            converting.remove(entry);
            depth--;
        }
    }

    private TypeId handleTarget(TypeEntry resource) {
        if (type(resource) instanceof Type.Ref(TypeId id)) {
            return id;
        }
        throw new WitComponentException("a handle refers to a non-resource type");
    }

    private static Type primitive(PrimitiveType p) {
        return java.util.Arrays.stream(Type.Primitive.values()).filter(t -> t.witName().equals(p.keyword()))
                .findFirst()
                .orElseThrow(() -> new WitComponentException("unknown primitive type " + p.keyword()));
    }
}
