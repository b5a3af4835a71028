package dev.jwc.binary.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.component.ComponentDecl;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.InstanceType;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.ResourceType;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.binary.component.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves component type definitions against a scope's index spaces, checking their rules. */
final class TypeResolver {
    private static final int MAX_FLAGS = 32;
    private static final int MAX_FIXED_LIST = 1 << 30;

    private final Context cx;
    private final Declarations decls;

    TypeResolver(Context cx) {
        this.cx = cx;
        this.decls = new Declarations(cx, this);
    }

    Declarations declarations() {
        return decls;
    }

    // ---- index lookups -------------------------------------------------------------------------

    static <T> T at(Context cx, List<T> space, int index, String what, String space2) {
        if (index < 0 || index >= space.size()) {
            throw cx.fail("unknown " + what + " " + Integer.toUnsignedString(index) + ": " + space2
                    + " index out of bounds");
        }
        return space.get(index);
    }

    TypeEntry type(Scope s, int index) {
        return at(cx, s.types, index, "type", "type");
    }

    FunctionType funcType(Scope s, int index) {
        if (type(s, index) instanceof FunctionType f) {
            return f;
        }
        throw cx.fail("type index " + Integer.toUnsignedString(index) + " is not a function type");
    }

    ResourceId resource(Scope s, int index) {
        if (type(s, index) instanceof ResourceId r) {
            return r;
        }
        throw cx.fail("type index " + Integer.toUnsignedString(index) + " is not a resource type");
    }

    ValueType value(Scope s, ValType t) {
        return switch (t) {
            case PrimitiveType p -> primitive(p);
            case ValType.Ref r -> {
                if (type(s, r.index()) instanceof ValueType v) {
                    yield v;
                }
                throw cx.fail("type index " + Integer.toUnsignedString(r.index()) + " is not a defined type");
            }
        };
    }

    private ValueType primitive(PrimitiveType p) {
        if (p == PrimitiveType.ERROR_CONTEXT) {
            cx.require(Feature.CM_ERROR_CONTEXT, "`error-context` requires the component model error-context feature");
        }
        return new ValueType.Primitive(p);
    }

    // ---- type definitions ----------------------------------------------------------------------

    TypeEntry typeDef(Scope s, TypeDef def) {
        return cx.checkSize(switch (def) {
            case DefinedType d -> defined(s, d);
            case FuncType f -> func(s, f);
            case ComponentType c -> componentType(s, c);
            case InstanceType i -> instanceType(s, i);
            case ResourceType r -> throw new IllegalStateException("resources are defined by the component walker");
        });
    }

    ValueType defined(Scope s, DefinedType d) {
        return switch (d) {
            case PrimitiveType p -> primitive(p);
            case DefinedType.Record r -> {
                if (r.fields().isEmpty()) {
                    throw cx.fail("record type must have at least one field");
                }
                Labels labels = new Labels("record field name", "field name");
                List<ValueType.Field> fields = new ArrayList<>();
                for (DefinedType.Field f : r.fields()) {
                    labels.add(f.name());
                    fields.add(new ValueType.Field(f.name(), value(s, f.type())));
                }
                yield new ValueType.Record(fields);
            }
            case DefinedType.Variant v -> {
                if (v.cases().isEmpty()) {
                    throw cx.fail("variant type must have at least one case");
                }
                Labels labels = new Labels("variant case name", "case name");
                List<ValueType.Case> cases = new ArrayList<>();
                for (DefinedType.Case c : v.cases()) {
                    labels.add(c.name());
                    cases.add(new ValueType.Case(c.name(), c.type().map(t -> value(s, t))));
                }
                yield new ValueType.Variant(cases);
            }
            case DefinedType.ListOf l -> new ValueType.ListOf(value(s, l.element()));
            case DefinedType.FixedList l -> {
                cx.require(Feature.CM_FIXED_LENGTH_LISTS,
                        "Fixed-length lists require the component model fixed-length lists feature");
                if (l.length() == 0) {
                    throw cx.fail("Fixed-length lists must have more than zero elements");
                }
                if (Integer.compareUnsigned(l.length(), MAX_FIXED_LIST) > 0) {
                    throw cx.fail("fixed-length list element count exceeds limit of " + MAX_FIXED_LIST);
                }
                yield new ValueType.FixedList(value(s, l.element()), l.length());
            }
            case DefinedType.Tuple t -> {
                if (t.types().isEmpty()) {
                    throw cx.fail("tuple type must have at least one type");
                }
                yield new ValueType.Tuple(t.types().stream().map(x -> value(s, x)).toList());
            }
            case DefinedType.Flags f -> {
                if (f.names().isEmpty()) {
                    throw cx.fail("flags must have at least one entry");
                }
                if (f.names().size() > MAX_FLAGS) {
                    throw cx.fail("cannot have more than " + MAX_FLAGS + " flags");
                }
                Labels labels = new Labels("flag name", "flag name");
                f.names().forEach(labels::add);
                yield new ValueType.Flags(f.names());
            }
            case DefinedType.Enum e -> {
                if (e.names().isEmpty()) {
                    throw cx.fail("enum type must have at least one variant");
                }
                Labels labels = new Labels("enum tag name", "tag name");
                e.names().forEach(labels::add);
                yield new ValueType.Enum(e.names());
            }
            case DefinedType.Option o -> new ValueType.Option(value(s, o.type()));
            case DefinedType.Result r -> new ValueType.Result(r.ok().map(t -> value(s, t)),
                    r.error().map(t -> value(s, t)));
            case DefinedType.Own o -> new ValueType.Own(resource(s, o.resource()));
            case DefinedType.Borrow b -> new ValueType.Borrow(resource(s, b.resource()));
            case DefinedType.Stream st -> {
                cx.require(Feature.CM_ASYNC, "`stream` requires the component model async feature");
                Optional<ValueType> element = st.element().map(t -> value(s, t));
                if (element.isPresent() && element.get() instanceof ValueType.Primitive p
                        && p.type() == PrimitiveType.CHAR) {
                    throw cx.fail("`stream<char>` is not valid at this time, use `stream<u8>` with a defined "
                            + "by encoding instead for now");
                }
                yield new ValueType.Stream(element);
            }
            case DefinedType.Future fu -> {
                cx.require(Feature.CM_ASYNC, "`future` requires the component model async feature");
                yield new ValueType.Future(fu.element().map(t -> value(s, t)));
            }
            case DefinedType.MapOf m -> {
                cx.require(Feature.CM_MAP, "Maps require the component model map feature");
                yield new ValueType.MapOf(value(s, m.key()), value(s, m.value()));
            }
        };
    }

    FunctionType func(Scope s, FuncType f) {
        if (f.async()) {
            cx.require(Feature.CM_ASYNC, "async component functions require the component model async feature");
        }
        Labels labels = new Labels("function parameter name", "parameter name");
        List<FunctionType.Param> params = new ArrayList<>();
        for (FuncType.Param p : f.params()) {
            labels.add(p.name());
            params.add(new FunctionType.Param(p.name(), value(s, p.type())));
        }
        Optional<ValueType> result = f.result().map(t -> value(s, t));
        if (result.isPresent() && Types.containsBorrow(result.get())) {
            throw cx.fail("function result cannot contain a `borrow` type");
        }
        return new FunctionType(f.async(), params, result);
    }

    ComponentSignature componentType(Scope outer, ComponentType type) {
        Scope s = new Scope(Scope.Kind.COMPONENT_TYPE, outer);
        checkDepth(s);
        for (ComponentDecl d : type.decls()) {
            switch (d) {
                case ComponentDecl.ImportDecl i -> decls.importDecl(s, i.imported().name(), i.imported().type());
                case InstanceDecl i -> instanceDecl(s, i);
            }
        }
        return new ComponentSignature(s.imports, s.exports, s.importedResources, s.definedResources);
    }

    InstanceSignature instanceType(Scope outer, InstanceType type) {
        Scope s = new Scope(Scope.Kind.INSTANCE_TYPE, outer);
        checkDepth(s);
        for (InstanceDecl d : type.decls()) {
            instanceDecl(s, d);
        }
        return new InstanceSignature(s.exports, s.definedResources);
    }

    void checkDepth(Scope s) {
        if (s.depth() > Context.MAX_DEPTH) {
            throw cx.fail("nesting too deep");
        }
    }

    private void instanceDecl(Scope s, InstanceDecl d) {
        switch (d) {
            case InstanceDecl.CoreTypeDecl c -> CoreModules.addCoreType(cx, s, c.type());
            case InstanceDecl.TypeDecl t -> {
                if (t.type() instanceof ResourceType) {
                    throw cx.fail("resources can only be defined within a concrete component");
                }
                s.types.add(typeDef(s, t.type()));
            }
            case InstanceDecl.AliasDecl a -> decls.aliasInType(s, a.alias());
            case InstanceDecl.ExportDecl e -> decls.exportDecl(s, e.name(), e.type());
        }
    }

    /** The entity an import or export declarator's type describes; abstract resources are fresh. */
    ExternEntity externType(Scope s, ExternType t, boolean importing) {
        return switch (t) {
            case ExternType.Module m -> {
                CoreDefType ct = at(cx, s.coreTypes, m.coreType(), "core type", "type");
                if (ct instanceof CoreDefType.Module mod) {
                    yield new ExternEntity.Module(mod.type());
                }
                throw cx.fail("core type index " + Integer.toUnsignedString(m.coreType()) + " is not a module type");
            }
            case ExternType.Func f -> new ExternEntity.Func(funcType(s, f.type()));
            case ExternType.Value v -> {
                cx.require(Feature.CM_VALUES, "support for component model `value`s is not enabled");
                yield new ExternEntity.Value(value(s, v.type()));
            }
            case ExternType.Type ty -> switch (ty.bound()) {
                case ExternType.TypeBound.Eq eq -> new ExternEntity.Type(type(s, eq.type()));
                case ExternType.TypeBound.SubResource r -> {
                    ResourceId fresh = cx.freshResource();
                    (importing ? s.importedResources : s.definedResources).add(fresh);
                    yield new ExternEntity.Type(fresh);
                }
            };
            case ExternType.Component c -> {
                if (type(s, c.type()) instanceof ComponentSignature sig) {
                    yield new ExternEntity.Component(sig);
                }
                throw cx.fail("type index " + Integer.toUnsignedString(c.type()) + " is not a component type");
            }
            case ExternType.Instance i -> {
                if (type(s, i.type()) instanceof InstanceSignature sig) {
                    yield new ExternEntity.Instance(freshen(s, sig, importing));
                }
                throw cx.fail("type index " + Integer.toUnsignedString(i.type()) + " is not an instance type");
            }
        };
    }

    /** Gives an instance type's abstract resources fresh identities owned by the scope. */
    InstanceSignature freshen(Scope s, InstanceSignature sig, boolean importing) {
        if (sig.definedResources().isEmpty()) {
            return sig;
        }
        Map<ResourceId, ResourceId> fresh = new HashMap<>();
        for (ResourceId r : sig.definedResources()) {
            ResourceId f = cx.freshResource();
            fresh.put(r, f);
            (importing ? s.importedResources : s.definedResources).add(f);
        }
        InstanceSignature mapped = new ResourceMap(cx, r -> fresh.getOrDefault(r, r)).instance(sig);
        return new InstanceSignature(mapped.exports(), List.of());
    }

    /** Checks labels of a record, variant, flags, enum or parameter list: kebab case and unique. */
    private final class Labels {
        private final String what;
        private final String previous;
        private final Map<String, String> seen = new HashMap<>();

        Labels(String what, String previous) {
            this.what = what;
            this.previous = previous;
        }

        void add(String name) {
            if (name.isEmpty()) {
                throw cx.fail(what + " cannot be empty");
            }
            if (!ExternNames.isKebab(name)) {
                throw cx.fail(what + " `" + name + "` is not in kebab case");
            }
            String prior = seen.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), name);
            if (prior != null) {
                throw cx.fail(what + " `" + name + "` conflicts with previous " + previous + " `" + prior + "`");
            }
        }
    }
}
