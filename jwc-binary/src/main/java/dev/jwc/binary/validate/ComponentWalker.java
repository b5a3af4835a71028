package dev.jwc.binary.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentOffsets;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.Instance;
import dev.jwc.binary.component.ResourceType;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.Sort;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.binary.component.Value;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.binary.core.types.NumType;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Validates a concrete component section by section, maintaining its index spaces. */
final class ComponentWalker {
    private final Context cx;
    private final TypeResolver types;
    private final Declarations decls;
    private final Canons canons;

    ComponentWalker(Context cx) {
        this.cx = cx;
        this.types = new TypeResolver(cx);
        this.decls = types.declarations();
        this.canons = new Canons(cx, types);
    }

    /** Validates {@code component}, whose sections and items {@code offsets} locate for error positions. */
    ComponentSignature walk(Component component, Scope parent, ComponentOffsets offsets) {
        Scope s = new Scope(Scope.Kind.COMPONENT, parent);
        types.checkDepth(s);
        for (int i = 0; i < component.sections().size(); i++) {
            cx.at = offsets.section(i);
            section(s, component.sections().get(i), new Located(offsets, i));
        }
        for (int i = 0; i < s.values.size(); i++) {
            if (!s.values.get(i).used) {
                throw cx.fail("value index " + i + " was not used as part of an instantiation, start function, or export");
            }
        }
        Set<ResourceId> exported = new LinkedHashSet<>();
        s.exports.values().forEach(e -> Types.resources(e, exported));
        s.importedResources.forEach(exported::remove);
        return cx.checkSize(new ComponentSignature(s.imports, s.exports, s.importedResources, List.copyOf(exported)));
    }

    /** Where the items of one section are: each item's errors point at the item. */
    private record Located(ComponentOffsets offsets, int section) {
    }

    /** Runs {@code check} on each item, with the current offset at the item. */
    private <T> void items(Located at, List<T> items, Consumer<T> check) {
        for (int i = 0; i < items.size(); i++) {
            long item = at.offsets().item(at.section(), i);
            cx.at = item >= 0 ? item : at.offsets().section(at.section());
            check.accept(items.get(i));
        }
    }

    private void section(Scope s, Section section, Located at) {
        switch (section) {
            case Section.Custom c -> {
            }
            case Section.CoreModule m -> {
                cx.deferBodies(CoreValidator.validateDeferringBodies(m.module().module(), cx.features));
                s.coreModules.add(CoreModules.signature(cx, m.module().module()));
            }
            case Section.CoreInstances ci -> items(at, ci.instances(), i -> s.coreInstances.add(coreInstance(s, i)));
            case Section.CoreTypes ct -> items(at, ct.types(), t -> CoreModules.addCoreType(cx, s, t));
            case Section.NestedComponent n -> {
                ComponentSignature sig = walk(n.component(), s, at.offsets().nested(at.section()));
                cx.at = at.offsets().section(at.section());
                s.components.add(sig);
            }
            case Section.Instances is -> items(at, is.instances(), i -> s.instances.add(cx.checkSize(instance(s, i))));
            case Section.Aliases as -> items(at, as.aliases(), a -> decls.alias(s, a));
            case Section.Types ts -> items(at, ts.types(), t -> type(s, t));
            case Section.Canons cs -> items(at, cs.canons(), c -> canons.define(s, c));
            case Section.Start st -> items(at, List.of(st), x -> start(s, x));
            case Section.Imports is -> items(at, is.imports(), i -> decls.importDecl(s, i.name(), i.type()));
            case Section.Exports es -> items(at, es.exports(), e -> export(s, e));
            case Section.Values vs -> items(at, vs.values(), v -> {
                cx.require(Feature.CM_VALUES, "support for component model `value`s is not enabled");
                s.values.add(new Scope.ValueSlot(types.value(s, v.type())));
            });
        }
    }

    private Map<String, CoreEntity> coreInstance(Scope s, CoreInstance instance) {
        return switch (instance) {
            case CoreInstance.Instantiate i -> {
                ModuleSignature module = TypeResolver.at(cx, s.coreModules, i.module(), "module", "module");
                Map<String, Map<String, CoreEntity>> args = new HashMap<>();
                for (CoreInstance.Arg a : i.args()) {
                    Map<String, CoreEntity> inst = TypeResolver.at(cx, s.coreInstances, a.instance(), "core instance",
                            "instance");
                    if (args.putIfAbsent(a.name(), inst) != null) {
                        throw cx.fail("duplicate module instantiation argument named `" + a.name() + "`");
                    }
                }
                for (ModuleSignature.CoreImport imp : module.imports()) {
                    Map<String, CoreEntity> arg = args.get(imp.module());
                    if (arg == null) {
                        throw cx.fail("missing module instantiation argument named `" + imp.module() + "`");
                    }
                    CoreEntity provided = arg.get(imp.name());
                    if (provided == null) {
                        throw cx.fail("module instantiation argument `" + imp.module()
                                + "` does not export an item named `" + imp.name() + "`");
                    }
                    String why = CoreMatching.mismatch(provided, imp.type());
                    if (why != null) {
                        throw cx.fail("type mismatch for export `" + imp.name() + "` of module instantiation argument `"
                                + imp.module() + "`: " + why);
                    }
                }
                yield module.exports();
            }
            case CoreInstance.FromExports f -> {
                Map<String, CoreEntity> exports = new LinkedHashMap<>();
                for (CoreInstance.Export e : f.exports()) {
                    if (exports.putIfAbsent(e.name(), coreEntity(s, e.sort(), e.index())) != null) {
                        throw cx.fail("export name `" + e.name() + "` already defined");
                    }
                }
                yield exports;
            }
        };
    }

    private CoreEntity coreEntity(Scope s, CoreSort sort, int index) {
        return switch (sort) {
            case FUNC -> TypeResolver.at(cx, s.coreFuncs, index, "core function", "function");
            case TABLE -> new CoreEntity.Table(TypeResolver.at(cx, s.coreTables, index, "table", "table"));
            case MEMORY -> new CoreEntity.Memory(TypeResolver.at(cx, s.coreMemories, index, "memory", "memory"));
            case GLOBAL -> new CoreEntity.Global(TypeResolver.at(cx, s.coreGlobals, index, "global", "global"));
            case TAG -> {
                cx.require(Feature.EXCEPTIONS, "exceptions proposal not enabled");
                yield new CoreEntity.Tag(TypeResolver.at(cx, s.coreTags, index, "tag", "tag"));
            }
            case TYPE, MODULE, INSTANCE -> throw cx.fail("core instances may only export functions, tables, "
                    + "memories, globals and tags, not a core " + sort.keyword());
        };
    }

    private InstanceSignature instance(Scope s, Instance instance) {
        return switch (instance) {
            case Instance.Instantiate i -> instantiate(s, i);
            case Instance.FromExports f -> {
                Scope bag = new Scope(Scope.Kind.INSTANCE_TYPE, s);
                for (Instance.Export e : f.exports()) {
                    decls.addInline(bag, e.name(), entity(s, e.sort(), e.index()));
                }
                yield new InstanceSignature(bag.exports, List.of());
            }
        };
    }

    private InstanceSignature instantiate(Scope s, Instance.Instantiate i) {
        ComponentSignature component = TypeResolver.at(cx, s.components, i.component(), "component", "component");
        Map<String, ExternEntity> args = new HashMap<>();
        Map<String, String> argKeys = new HashMap<>();
        for (Instance.Arg a : i.args()) {
            ExternEntity e = entity(s, a.sort(), a.index());
            String prior = argKeys.putIfAbsent(a.name().toLowerCase(java.util.Locale.ROOT), a.name());
            if (prior != null) {
                throw cx.fail("instantiation argument `" + a.name() + "` conflicts with previous argument `" + prior + "`");
            }
            args.put(a.name(), e);
        }
        Subtyping st = new Subtyping(component.importedResources());
        for (Map.Entry<String, ExternEntity> imp : component.imports().entrySet()) {
            ExternEntity arg = args.get(imp.getKey());
            if (arg == null) {
                throw cx.fail("missing import named `" + imp.getKey() + "`");
            }
            try {
                st.entity(arg, imp.getValue());
            } catch (TypeMismatch m) {
                throw cx.fail("type mismatch for import `" + imp.getKey() + "`: " + m.getMessage());
            }
        }
        Set<ResourceId> defined = new HashSet<>(component.definedResources());
        Map<ResourceId, ResourceId> fresh = new HashMap<>();
        ResourceMap map = new ResourceMap(cx, r -> {
            ResourceId bound = st.resolve(r);
            if (!bound.equals(r)) {
                return bound;
            }
            return defined.contains(r) ? fresh.computeIfAbsent(r, x -> cx.freshResource()) : r;
        });
        component.imports().forEach((name, imported) -> map.substitute(imported, args.get(name)));
        // An export that renames a substituted type import is that import's argument too.
        component.exports().values().forEach(e -> {
            if (e instanceof ExternEntity.Type(ValueType exported)) {
                for (ValueType v = exported; v != null; v = cx.original(v)) {
                    Optional<TypeEntry> given = map.substitution(v);
                    if (given.isPresent()) {
                        map.substitute(e, new ExternEntity.Type(given.get()));
                        break;
                    }
                }
            }
        });
        Map<String, ExternEntity> exports = new LinkedHashMap<>();
        component.exports().forEach((name, e) -> exports.put(name, map.entity(e)));
        return new InstanceSignature(exports, List.of());
    }

    /** The entity at {@code index} of a sort's index space, consuming it if it is a value. */
    private ExternEntity entity(Scope s, Sort sort, int index) {
        return switch (sort) {
            case CoreSort.MODULE -> new ExternEntity.Module(TypeResolver.at(cx, s.coreModules, index, "module", "module"));
            case CoreSort c -> throw cx.fail("a core " + c.keyword() + " cannot be used here, only core modules");
            case ComponentSort.FUNC -> new ExternEntity.Func(TypeResolver.at(cx, s.funcs, index, "function", "function"));
            case ComponentSort.VALUE -> {
                cx.require(Feature.CM_VALUES, "support for component model `value`s is not enabled");
                yield new ExternEntity.Value(useValue(s, index));
            }
            case ComponentSort.TYPE -> new ExternEntity.Type(types.type(s, index));
            case ComponentSort.COMPONENT -> new ExternEntity.Component(
                    TypeResolver.at(cx, s.components, index, "component", "component"));
            case ComponentSort.INSTANCE -> new ExternEntity.Instance(
                    TypeResolver.at(cx, s.instances, index, "instance", "instance"));
        };
    }

    private ValueType useValue(Scope s, int index) {
        Scope.ValueSlot slot = TypeResolver.at(cx, s.values, index, "value", "value");
        if (slot.used) {
            throw cx.fail("value index " + Integer.toUnsignedString(index) + " cannot be used more than once");
        }
        slot.used = true;
        return slot.type;
    }

    private void type(Scope s, TypeDef def) {
        if (!(def instanceof ResourceType r)) {
            s.types.add(types.typeDef(s, def));
            return;
        }
        if (r.rep() == NumType.I64) {
            cx.require(Feature.CM64, "resources with `i64` require the `cm64` feature to be enabled");
        } else if (r.rep() != NumType.I32) {
            throw cx.fail("resources can only be represented by `i32` or `i64`");
        }
        if (r.destructor().isPresent()) {
            FuncType dtor = TypeResolver.at(cx, s.coreFuncs, r.destructor().getAsInt(), "core function", "function")
                    .type();
            if (!dtor.equals(new FuncType(List.of(r.rep()), List.of()))) {
                throw cx.fail("wrong signature for a destructor");
            }
        }
        ResourceId id = cx.freshResource();
        s.localResources.put(id, new Scope.LocalResource(r.rep()));
        s.types.add(id);
    }

    private void start(Scope s, Section.Start st) {
        cx.require(Feature.CM_VALUES, "support for component model `value`s is not enabled");
        FunctionType f = TypeResolver.at(cx, s.funcs, st.func(), "function", "function");
        if (f.params().size() != st.args().size()) {
            throw cx.fail("component start function requires " + f.params().size() + " arguments but was given "
                    + st.args().size());
        }
        for (int i = 0; i < st.args().size(); i++) {
            ValueType arg = useValue(s, st.args().get(i));
            try {
                new Subtyping(List.of()).value(arg, f.params().get(i).type());
            } catch (TypeMismatch m) {
                throw cx.fail("type mismatch for component start function argument " + i + ": " + m.getMessage());
            }
        }
        int results = f.result().isPresent() ? 1 : 0;
        if (st.results() != results) {
            throw cx.fail("component start function has a result count of " + results + " but the section declares "
                    + st.results());
        }
        f.result().ifPresent(r -> s.values.add(new Scope.ValueSlot(r)));
    }

    private void export(Scope s, Export e) {
        ExternEntity entity = entity(s, e.sort(), e.index());
        if (e.ascribed().isPresent()) {
            int before = s.definedResources.size();
            ExternEntity ascribed = types.externType(s, e.ascribed().get(), false);
            List<ResourceId> abstracted = List.copyOf(s.definedResources.subList(before, s.definedResources.size()));
            try {
                new Subtyping(abstracted).entity(entity, ascribed);
            } catch (TypeMismatch m) {
                throw cx.fail("ascribed type of export is not compatible with item's type: " + m.getMessage());
            }
            entity = ascribed;
        }
        decls.add(s, e.name(), entity, true);
    }
}
