package dev.jwc.runtime.internal;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.Instance;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.InstanceType;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.Sort;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.runtime.ItemType;
import dev.jwc.runtime.LinkException;
import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.ValueType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Type reflection without instantiating: walks a component's sections at the type level (types, imports,
 * aliases, lifted functions, instances, nested instantiations, exports) and yields the full type of each
 * import and export. Core-level sections do not affect component-level types and are skipped.
 */
public final class ComponentTypes {
    private static final Object CORE_MODULE = new ItemType.Module();

    /** The reflected imports and exports of one component, in order. */
    public record Reflection(Map<String, ItemType> imports, Map<String, ItemType> exports) {
        public Reflection {
            imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
            exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        }
    }

    /** A member of an instance at the type level: the sort and what the index space holds for it. */
    private record Member(Sort sort, Object value) {
    }

    private record TypedInstance(Map<String, Member> members) {
    }

    private ComponentTypes() {
    }

    /** Reflects {@code component}'s import and export types. */
    public static Reflection reflect(Component component) {
        Map<String, ItemType> imports = new LinkedHashMap<>();
        Map<String, Member> exports = walk(component, new Spaces(null), Optional.empty(), imports);
        Map<String, ItemType> out = new LinkedHashMap<>();
        exports.forEach((n, m) -> out.put(n, publicType(m)));
        return new Reflection(imports, out);
    }

    /** Walks one component; {@code args} (nested instantiation) supply its imports, else they are typed. */
    private static Map<String, Member> walk(Component component, Spaces sp, Optional<Map<String, Member>> args,
                                            Map<String, ItemType> importTypes) {
        TypeConverter types = new TypeConverter(sp);
        Map<String, Member> exports = new LinkedHashMap<>();
        for (Section section : component.sections()) {
            switch (section) {
                case Section.CoreModule m -> sp.add(CoreSort.MODULE, CORE_MODULE);
                case Section.NestedComponent n -> sp.add(ComponentSort.COMPONENT, new ComponentDef(n.component(), sp));
                case Section.Instances is -> is.instances().forEach(i -> sp.add(ComponentSort.INSTANCE, instance(sp, i)));
                case Section.Aliases as -> as.aliases().forEach(a -> alias(sp, a));
                case Section.Types ts -> ts.types().forEach(t -> sp.add(ComponentSort.TYPE, type(types, t, "resource")));
                case Section.Canons cs -> cs.canons().forEach(c -> {
                    if (c instanceof Canon.Lift l) {
                        sp.add(ComponentSort.FUNC, sp.type(l.type()));
                    }
                });
                case Section.Imports is -> is.imports().forEach(i -> {
                    String name = i.name().name();
                    Member m = args.map(a -> a.get(name)).orElseGet(() -> declared(sp, name, i.type()));
                    if (m == null) {
                        throw new LinkException("missing import named `" + name + "`");
                    }
                    sp.add(m.sort(), m.value());
                    if (args.isEmpty()) {
                        importTypes.put(name, publicType(m));
                    }
                });
                case Section.Exports es -> es.exports().forEach(e -> {
                    Member m = new Member(e.sort(), sp.get(e.sort(), e.index()));
                    exports.put(e.name().name(), m);
                    sp.add(e.sort(), m.value());
                });
                case Section.CoreInstances ci -> {
                }
                case Section.CoreTypes ct -> {
                }
                case Section.Custom c -> {
                }
                case Section.Start s -> {
                }
                case Section.Values v -> {
                }
            }
        }
        return exports;
    }

    private static Object type(TypeConverter types, TypeDef def, String resourceName) {
        return switch (def) {
            case DefinedType d -> types.defined(d);
            case dev.jwc.binary.component.FuncType f -> types.func(f);
            case dev.jwc.binary.component.ResourceType r -> new ResourceType(resourceName);
            case ComponentType c -> c;
            case InstanceType i -> i;
        };
    }

    private static TypedInstance instance(Spaces sp, Instance def) {
        return switch (def) {
            case Instance.Instantiate i -> {
                ComponentDef nested = sp.get(ComponentSort.COMPONENT, i.component(), ComponentDef.class);
                Map<String, Member> args = new LinkedHashMap<>();
                i.args().forEach(a -> args.put(a.name(), new Member(a.sort(), sp.get(a.sort(), a.index()))));
                yield new TypedInstance(walk(nested.component(), new Spaces(nested.enclosing()), Optional.of(args),
                        new LinkedHashMap<>()));
            }
            case Instance.FromExports f -> {
                Map<String, Member> members = new LinkedHashMap<>();
                f.exports().forEach(e -> members.put(e.name().name(), new Member(e.sort(), sp.get(e.sort(), e.index()))));
                yield new TypedInstance(members);
            }
        };
    }

    private static void alias(Spaces sp, Alias alias) {
        switch (alias) {
            case Alias.InstanceExport a -> {
                TypedInstance inst = sp.get(ComponentSort.INSTANCE, a.instance(), TypedInstance.class);
                Member m = inst.members().get(a.name());
                if (m == null) {
                    throw new LinkException("instance " + a.instance() + " has no export named `" + a.name() + "`");
                }
                sp.add(a.sort(), m.value());
            }
            case Alias.Outer a -> sp.add(a.sort(), sp.enclosing(a.count()).get(a.sort(), a.index()));
            case Alias.CoreInstanceExport a -> {
                // Core items: no component-level type.
            }
        }
    }

    /** What an import declares, abstract resources made fresh types named after their export. */
    private static Member declared(Spaces sp, String name, ExternType type) {
        return switch (type) {
            case ExternType.Func f -> new Member(ComponentSort.FUNC, sp.type(f.type()));
            case ExternType.Instance i when sp.type(i.type()) instanceof InstanceType it ->
                    new Member(ComponentSort.INSTANCE, declaredInstance(sp, it));
            case ExternType.Instance i -> throw new LinkException("import `" + name + "`: not an instance type");
            case ExternType.Type t -> new Member(ComponentSort.TYPE, switch (t.bound()) {
                case ExternType.TypeBound.Eq eq -> sp.type(eq.type());
                case ExternType.TypeBound.SubResource r -> new ResourceType(name);
            });
            case ExternType.Component c -> new Member(ComponentSort.COMPONENT, new ItemType.Component());
            case ExternType.Module m -> new Member(CoreSort.MODULE, CORE_MODULE);
            case ExternType.Value v -> new Member(ComponentSort.VALUE, new ItemType.Value());
        };
    }

    private static TypedInstance declaredInstance(Spaces outer, InstanceType type) {
        Spaces local = new Spaces(outer);
        TypeConverter types = new TypeConverter(local);
        Map<String, Member> members = new LinkedHashMap<>();
        for (InstanceDecl decl : type.decls()) {
            switch (decl) {
                case InstanceDecl.CoreTypeDecl c -> {
                }
                case InstanceDecl.TypeDecl t -> local.add(ComponentSort.TYPE, type(types, t.type(), "resource"));
                case InstanceDecl.AliasDecl a -> alias(local, a.alias());
                case InstanceDecl.ExportDecl e -> {
                    Member m = declared(local, e.name().name(), e.type());
                    members.put(e.name().name(), m);
                    local.add(m.sort(), m.value());
                }
            }
        }
        return new TypedInstance(members);
    }

    private static ItemType publicType(Member m) {
        return switch (m.value()) {
            case FuncType f -> new ItemType.Func(f);
            case TypedInstance i -> {
                Map<String, ItemType> exports = new LinkedHashMap<>();
                i.members().forEach((n, x) -> exports.put(n, publicType(x)));
                yield new ItemType.Instance(exports);
            }
            case ResourceType r -> new ItemType.Resource(r);
            case ValueType v -> new ItemType.Type(Optional.of(v));
            case ComponentDef c -> new ItemType.Component();
            case ItemType t -> t;
            default -> new ItemType.Type(Optional.empty());
        };
    }
}
