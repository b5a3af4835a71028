package dev.jwc.witcomponent;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.ComponentDecl;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.Instance;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.InstanceType;
import dev.jwc.binary.component.ResourceType;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.Sort;
import dev.jwc.binary.component.TypeDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The component-level index spaces of one component, component type or instance type (types, functions,
 * instances, components), filled by walking its definitions or declarators in order, with the imports and
 * exports it declares by name. Core index spaces carry no WIT and are not tracked.
 */
final class Scope {
    private final Scope parent;
    private final List<TypeEntry> types = new ArrayList<>();
    private final List<Extern> funcs = new ArrayList<>();
    private final List<Extern> instances = new ArrayList<>();
    private final List<Extern> components = new ArrayList<>();
    final Map<String, Extern> imports = new LinkedHashMap<>();
    final Map<String, Extern> exports = new LinkedHashMap<>();
    private Map<String, Extern> args = Map.of();
    /** The interface named by the {@code (implements "...")} attribute of an import or export, by its name. */
    final Map<String, String> implementsOf = new LinkedHashMap<>();

    private Scope(Scope parent) {
        this.parent = parent;
    }

    static Scope ofInstance(InstanceType type, Scope parent) {
        Scope scope = new Scope(parent);
        type.decls().forEach(scope::declare);
        return scope;
    }

    static Scope ofComponent(ComponentType type, Scope parent) {
        Scope scope = new Scope(parent);
        for (ComponentDecl decl : type.decls()) {
            switch (decl) {
                case ComponentDecl.ImportDecl(Import imported) -> {
                    scope.noteImplements(imported.name());
                    scope.imports.put(imported.name().name(), scope.bind(imported.name().name(), imported.type()));
                }
                case InstanceDecl d -> scope.declare(d);
            }
        }
        return scope;
    }

    /** The top level of a component: its sections in order. */
    static Scope ofComponent(dev.jwc.binary.component.Component component) {
        return ofComponent(component, null, Map.of());
    }

    /**
     * A component defined in {@code parent}, instantiated with {@code args}: an import named by an argument
     * is that argument, so types flow from the instantiating scope into the instance's exports.
     */
    private static Scope ofComponent(dev.jwc.binary.component.Component component, Scope parent,
                                     Map<String, Extern> args) {
        Scope scope = new Scope(parent);
        scope.args = args;
        for (Section section : component.sections()) {
            scope.define(section);
        }
        return scope;
    }

    TypeEntry type(int index) {
        if (index < 0 || index >= types.size()) {
            throw new WitComponentException("type index " + index + " out of bounds (" + types.size() + " types)");
        }
        return types.get(index);
    }

    private void declare(InstanceDecl decl) {
        switch (decl) {
            case InstanceDecl.CoreTypeDecl c -> { }
            case InstanceDecl.TypeDecl(TypeDef def) -> types.add(entry(def));
            case InstanceDecl.AliasDecl(Alias alias) -> alias(alias);
            case InstanceDecl.ExportDecl d -> {
                noteImplements(d.name());
                exports.put(d.name().name(), bind(d.name().name(), d.type()));
            }
        }
    }

    private void define(Section section) {
        switch (section) {
            case Section.Types s -> s.types().forEach(def -> types.add(entry(def)));
            case Section.Aliases s -> s.aliases().forEach(this::alias);
            case Section.Imports s -> s.imports().forEach(this::importItem);
            case Section.Exports s -> s.exports().forEach(this::export);
            case Section.Canons s -> s.canons().forEach(c -> {
                if (c instanceof Canon.Lift lift) {
                    funcs.add(new Extern.Func(func(type(lift.type()))));
                }
            });
            case Section.Instances s -> s.instances().forEach(this::instance);
            case Section.NestedComponent n -> components.add(new Extern.Nested(n.component(), this));
            case Section.Custom c -> { }
            case Section.CoreModule m -> { }
            case Section.CoreInstances c -> { }
            case Section.CoreTypes c -> { }
            case Section.Start s -> { }
            case Section.Values v -> { }
        }
    }

    private void export(Export export) {
        String name = export.name().name();
        noteImplements(export.name());
        if (export.ascribed().isPresent()) {
            exports.put(name, bind(name, export.ascribed().get()));
            return;
        }
        Extern item = export.sort() == ComponentSort.TYPE
                ? new Extern.Type(new TypeEntry.Named(name, type(export.index())))
                : get(export.sort(), export.index());
        if (export.sort() instanceof ComponentSort s) {
            add(s, item);
        }
        exports.put(name, item);
    }

    private void instance(Instance instance) {
        switch (instance) {
            case Instance.FromExports e -> {
                Scope body = new Scope(this);
                for (Instance.Export x : e.exports()) {
                    String name = x.name().name();
                    Extern item = x.sort() == ComponentSort.TYPE
                            ? new Extern.Type(new TypeEntry.Named(name, type(x.index())))
                            : get(x.sort(), x.index());
                    body.exports.put(name, item);
                    body.add(item);
                }
                instances.add(new Extern.Instance(body));
            }
            case Instance.Instantiate i -> {
                Map<String, Extern> given = new LinkedHashMap<>();
                for (Instance.Arg arg : i.args()) {
                    given.put(arg.name(), get(arg.sort(), arg.index()));
                }
                instances.add(switch (get(ComponentSort.COMPONENT, i.component())) {
                    case Extern.Nested n -> new Extern.Instance(ofComponent(n.component(), n.parent(), given));
                    case Extern.Component c -> new Extern.Instance(c.type().body().exportsOnly());
                    default -> new Extern.Other();
                });
            }
        }
    }

    private void noteImplements(ExternName name) {
        for (ExternName.Attribute a : name.attributes()) {
            if (a instanceof ExternName.Attribute.Implements(String iface)) {
                implementsOf.put(name.name(), iface);
            }
        }
    }

    private void importItem(Import i) {
        noteImplements(i.name());
        String name = i.name().name();
        Extern given = args.get(name);
        if (given == null) {
            imports.put(name, bind(name, i.type()));
        } else {
            imports.put(name, given);
            add(i.type().sort() instanceof ComponentSort s ? s : ComponentSort.VALUE, given);
        }
    }

    /** A scope holding only the exports of this one, as an instance of a component type exposes them. */
    private Scope exportsOnly() {
        Scope scope = new Scope(parent);
        scope.exports.putAll(exports);
        return scope;
    }

    private void alias(Alias alias) {
        switch (alias) {
            case Alias.Outer(Sort sort, int count, int index) -> {
                Scope target = this;
                for (int i = 0; i < count; i++) {
                    if (target.parent == null) {
                        throw new WitComponentException("outer alias count " + count + " leaves the outermost scope");
                    }
                    target = target.parent;
                }
                if (sort == ComponentSort.TYPE) {
                    types.add(target.type(index));
                } else if (sort instanceof ComponentSort s) {
                    add(s, target.get(s, index));
                }
            }
            case Alias.InstanceExport(Sort sort, int instance, String name) -> {
                if (sort instanceof ComponentSort s) {
                    Extern item = get(ComponentSort.INSTANCE, instance) instanceof Extern.Instance(Scope body)
                            && body.exports.containsKey(name) ? body.exports.get(name) : new Extern.Other();
                    add(s, item);
                }
            }
            case Alias.CoreInstanceExport c -> { }
        }
    }

    private Extern get(Sort sort, int index) {
        List<Extern> space = switch (sort) {
            case ComponentSort.FUNC -> funcs;
            case ComponentSort.INSTANCE -> instances;
            case ComponentSort.COMPONENT -> components;
            case ComponentSort.TYPE -> null;
            default -> List.of();
        };
        if (space == null) {
            return new Extern.Type(type(index));
        }
        return index >= 0 && index < space.size() ? space.get(index) : new Extern.Other();
    }

    private void add(ComponentSort sort, Extern item) {
        switch (sort) {
            case FUNC -> funcs.add(item);
            case INSTANCE -> instances.add(item);
            case COMPONENT -> components.add(item);
            case TYPE -> types.add(item instanceof Extern.Type(TypeEntry t) ? t
                    : new TypeEntry.Missing("type index " + types.size()));
            case VALUE -> { }
        }
    }

    /** The item an import or export of type {@code type} adds to its index space. */
    private Extern bind(String name, ExternType type) {
        Extern item = switch (type) {
            case ExternType.Func(int t) -> new Extern.Func(func(type(t)));
            case ExternType.Instance(int t) -> type(t) instanceof TypeEntry.Instance i
                    ? new Extern.Instance(i.body()) : fail("`" + name + "` is not typed by an instance type");
            case ExternType.Component(int t) -> type(t) instanceof TypeEntry.Component c
                    ? new Extern.Component(c) : fail("`" + name + "` is not typed by a component type");
            case ExternType.Type(ExternType.TypeBound.Eq(int t)) -> new Extern.Type(new TypeEntry.Named(name, type(t)));
            case ExternType.Type(ExternType.TypeBound.SubResource r) -> new Extern.Type(new TypeEntry.Resource(name));
            case ExternType.Module m -> new Extern.Other();
            case ExternType.Value v -> new Extern.Other();
        };
        add(item);
        return item;
    }

    private void add(Extern item) {
        switch (item) {
            case Extern.Func f -> funcs.add(f);
            case Extern.Instance i -> instances.add(i);
            case Extern.Type(TypeEntry t) -> types.add(t);
            case Extern.Component c -> components.add(c);
            case Extern.Nested n -> components.add(n);
            case Extern.Other o -> { }
        }
    }

    private static TypeEntry.Func func(TypeEntry entry) {
        return entry instanceof TypeEntry.Func f ? f : fail("expected a function type");
    }

    private TypeEntry entry(TypeDef def) {
        return switch (def) {
            case DefinedType d -> new TypeEntry.Defined(d, this);
            case FuncType f -> new TypeEntry.Func(f, this);
            case InstanceType i -> new TypeEntry.Instance(i, this);
            case ComponentType c -> new TypeEntry.Component(c, this);
            case ResourceType r -> new TypeEntry.Resource(null);
        };
    }

    private static <T> T fail(String message) {
        throw new WitComponentException(message);
    }
}
