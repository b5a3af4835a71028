package dev.jwc.witcomponent;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.ValType;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Encodes interfaces and worlds as component types, the way wit-component does: a named type is defined once
 * and exported (or, in a world, imported) under its name with an {@code (eq)} bound, a resource is an abstract
 * {@code (sub resource)}, and a type of another interface is aliased from that interface's instance in the
 * enclosing component type.
 */
final class Encoder {
    private final Resolve resolve;
    private final Decls outer = new Decls();
    private final Map<InterfaceId, Integer> instanceOf = new HashMap<>();
    private final Map<TypeId, Integer> outerAliases = new HashMap<>();
    private Decls instance;
    private InterfaceId currentInterface;
    private boolean importTypes;

    private Encoder(Resolve resolve) {
        this.resolve = resolve;
    }

    /** The component type of interface {@code id}: the interfaces it uses imported, itself exported. */
    static ComponentType interfaceType(Resolve resolve, InterfaceId id) {
        Encoder e = new Encoder(resolve);
        for (InterfaceId live : e.liveInterfaces(id)) {
            String name = resolve.qualifiedName(live).orElseThrow();
            boolean self = live.equals(id);
            int type = e.instance(live, self);
            e.instanceOf.put(live, e.outer.declare(!self, name, new ExternType.Instance(type)));
        }
        return e.outer.toComponentType();
    }

    /** The component type of world {@code id}: its imports and exports. */
    static ComponentType worldType(Resolve resolve, WorldId id) {
        Encoder e = new Encoder(resolve);
        World world = resolve.get(id);
        List<Map.Entry<WorldKey, WorldItem>> imports = new ArrayList<>(world.imports().entrySet());
        // Resource functions come last, as a printed world lists them with their resource after everything else.
        imports.sort(Comparator.comparingInt(en -> en.getValue() instanceof WorldItem.FunctionItem(Function f)
                && !(f.kind() instanceof FunctionKind.Freestanding) ? 1 : 0));
        for (Map.Entry<WorldKey, WorldItem> en : imports) {
            e.worldItem(true, en.getKey(), en.getValue());
        }
        world.exports().forEach((key, item) -> e.worldItem(false, key, item));
        return e.outer.toComponentType();
    }

    private void worldItem(boolean isImport, WorldKey key, WorldItem item) {
        String name = PackageMetadata.keyName(resolve, key);
        switch (item) {
            case WorldItem.InterfaceItem i -> {
                int index = outer.declare(isImport, externName(key, i.id()),
                        new ExternType.Instance(instance(i.id(), true)));
                instanceOf.put(i.id(), index);
            }
            case WorldItem.FunctionItem(Function f) -> {
                currentInterface = null;
                outer.declare(isImport, name, new ExternType.Func(funcType(f)));
            }
            case WorldItem.TypeItem(TypeId t) -> {
                currentInterface = null;
                importTypes = isImport;
                valType(Type.of(t));
                importTypes = false;
            }
        }
    }

    /** A plain name for a named interface says which interface it is with {@code (implements "...")}. */
    private ExternName externName(WorldKey key, InterfaceId iface) {
        String name = PackageMetadata.keyName(resolve, key);
        return switch (key) {
            case WorldKey.Name n when resolve.get(iface).name().isPresent() -> new ExternName(name,
                    ExternName.Form.WITH_ATTRIBUTES,
                    List.of(new ExternName.Attribute.Implements(resolve.qualifiedName(iface).orElseThrow())));
            default -> ExternName.of(name);
        };
    }

    /** Defines the instance type of {@code id} in the outer scope (with functions when asked); its type index. */
    private int instance(InterfaceId id, boolean withFunctions) {
        Interface iface = resolve.get(id);
        instance = new Decls();
        currentInterface = id;
        List<TypeId> order = new ArrayList<>(iface.types().values());
        order.forEach(t -> valType(Type.of(t)));
        if (withFunctions) {
            List<Function> functions = new ArrayList<>(iface.functions().values());
            functions.sort(Comparator.comparingInt(f -> f.kind().owningResource().map(order::indexOf)
                    .orElse(order.size())));
            for (Function f : functions) {
                instance.declare(false, f.name(), new ExternType.Func(funcType(f)));
            }
        }
        var type = instance.toInstanceType();
        instance = null;
        currentInterface = null;
        return outer.define(type);
    }

    private Decls current() {
        return instance != null ? instance : outer;
    }

    private int funcType(Function f) {
        List<FuncType.Param> params = new ArrayList<>();
        f.params().forEach(p -> params.add(new FuncType.Param(p.name(), valType(p.type()))));
        Optional<ValType> result = f.result().map(this::valType);
        Decls scope = current();
        FuncType type = new FuncType(f.kind().isAsync(), params, result);
        Integer known = scope.funcTypes.get(type);
        if (known != null) {
            return known;
        }
        int index = scope.define(type);
        scope.funcTypes.put(type, index);
        return index;
    }

    private ValType valType(Type type) {
        return switch (type) {
            case Type.Primitive p -> primitive(p);
            case Type.Ref(TypeId id) -> new ValType.Ref(typeIndex(id));
        };
    }

    private int typeIndex(TypeId id) {
        Decls scope = current();
        Integer known = scope.typeIndex.get(id);
        if (known != null) {
            return known;
        }
        TypeDef def = resolve.get(id);
        int index;
        if (def.name().isPresent() && def.owner() instanceof TypeOwner.InInterface(InterfaceId owner)
                && !owner.equals(currentInterface)) {
            index = importType(owner, id, def.name().get());
        } else if (def.name().isPresent()) {
            String name = def.name().get();
            if (def.kind() instanceof TypeDefKind.Resource) {
                index = scope.declare(importTypes, name, new ExternType.Type(new ExternType.TypeBound.SubResource()));
            } else {
                int body = define(def.kind());
                index = scope.declare(importTypes, name, new ExternType.Type(new ExternType.TypeBound.Eq(body)));
            }
        } else {
            index = define(def.kind());
        }
        scope.typeIndex.put(id, index);
        return index;
    }

    /** A type of interface {@code owner} seen from elsewhere: aliased from that interface's instance. */
    private int importType(InterfaceId owner, TypeId id, String name) {
        Integer inst = instanceOf.get(owner);
        if (inst == null) {
            throw new WitComponentException("type `" + name + "` of interface "
                    + resolve.qualifiedName(owner).orElse("<inline>") + " is used before its interface is imported");
        }
        int outerIndex = outerAliases.computeIfAbsent(id, k -> outer.alias(
                new Alias.InstanceExport(ComponentSort.TYPE, inst, name)));
        return instance == null ? outerIndex : instance.alias(new Alias.Outer(ComponentSort.TYPE, 1, outerIndex));
    }

    /** Defines {@code kind} in the current scope and returns its index; an alias to a type defines nothing. */
    private int define(TypeDefKind kind) {
        DefinedType def = switch (kind) {
            case TypeDefKind.Alias(Type.Ref(TypeId target)) -> null;
            case TypeDefKind.Alias(Type.Primitive p) -> primitive(p);
            case TypeDefKind.Record r -> new DefinedType.Record(r.fields().stream()
                    .map(f -> new DefinedType.Field(f.name(), valType(f.type()))).toList());
            case TypeDefKind.Variant v -> new DefinedType.Variant(v.cases().stream()
                    .map(c -> new DefinedType.Case(c.name(), c.type().map(this::valType))).toList());
            case TypeDefKind.Enum e -> new DefinedType.Enum(e.cases().stream().map(TypeDefKind.EnumCase::name)
                    .toList());
            case TypeDefKind.Flags f -> new DefinedType.Flags(f.flags().stream().map(TypeDefKind.Flag::name)
                    .toList());
            case TypeDefKind.Tuple t -> new DefinedType.Tuple(t.types().stream().map(this::valType).toList());
            case TypeDefKind.List l -> new DefinedType.ListOf(valType(l.element()));
            case TypeDefKind.FixedSizeList l -> new DefinedType.FixedList(valType(l.element()), (int) l.size());
            case TypeDefKind.Map m -> new DefinedType.MapOf(valType(m.key()), valType(m.value()));
            case TypeDefKind.Option o -> new DefinedType.Option(valType(o.type()));
            case TypeDefKind.Result r -> new DefinedType.Result(r.ok().map(this::valType), r.err().map(this::valType));
            case TypeDefKind.Own o -> new DefinedType.Own(typeIndex(o.resource()));
            case TypeDefKind.Borrow b -> new DefinedType.Borrow(typeIndex(b.resource()));
            case TypeDefKind.Future f -> new DefinedType.Future(f.payload().map(this::valType));
            case TypeDefKind.Stream s -> new DefinedType.Stream(s.element().map(this::valType));
            case TypeDefKind.Resource r -> throw new WitComponentException("an anonymous resource cannot be encoded");
            case TypeDefKind.Unknown u -> throw new WitComponentException("an unresolved type cannot be encoded");
        };
        if (def == null) {
            return typeIndex(((Type.Ref) ((TypeDefKind.Alias) kind).target()).id());
        }
        return current().define(def);
    }

    private static PrimitiveType primitive(Type.Primitive p) {
        for (PrimitiveType t : PrimitiveType.values()) {
            if (t.keyword().equals(p.witName())) {
                return t;
            }
        }
        throw new WitComponentException("no binary form for " + p.witName());
    }

    /** {@code id} after the interfaces whose types it uses, each once, dependencies first. */
    private Set<InterfaceId> liveInterfaces(InterfaceId id) {
        Set<InterfaceId> out = new LinkedHashSet<>();
        addLive(id, out, new LinkedHashSet<>());
        return out;
    }

    private void addLive(InterfaceId id, Set<InterfaceId> out, Set<InterfaceId> visiting) {
        if (out.contains(id) || !visiting.add(id)) {
            return;
        }
        for (TypeId t : resolve.get(id).types().values()) {
            if (resolve.get(t).kind() instanceof TypeDefKind.Alias(Type.Ref(TypeId target))
                    && resolve.get(target).owner() instanceof TypeOwner.InInterface(InterfaceId dep)
                    && !dep.equals(id)) {
                addLive(dep, out, visiting);
            }
        }
        out.add(id);
    }
}
