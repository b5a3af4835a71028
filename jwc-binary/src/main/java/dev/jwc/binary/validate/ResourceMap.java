package dev.jwc.binary.validate;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Rewrites the resource identities inside resolved types, as instantiation and freshening need. */
final class ResourceMap {
    private final Context cx;
    private final UnaryOperator<ResourceId> map;
    /**
     * Types are shared by reference (DAGs); each is rewritten once, which keeps the sharing (and the identity of
     * nominal types) and the work linear in the number of distinct types.
     */
    private final Map<TypeEntry, TypeEntry> done = new IdentityHashMap<>();

    ResourceMap(Context cx, UnaryOperator<ResourceId> map) {
        this.cx = cx;
        this.map = map;
    }

    /**
     * Rewrites {@code from} to {@code to}: a type imported with an {@code eq} bound becomes the argument it was
     * instantiated with, so that nominal types (records, variants, ...) keep the identity, and so the names, they
     * have outside.
     */
    void substitute(ValueType from, ValueType to) {
        done.put(from, to);
    }

    ExternEntity entity(ExternEntity e) {
        return switch (e) {
            case ExternEntity.Module m -> m;
            case ExternEntity.Func f -> new ExternEntity.Func(func(f.type()));
            case ExternEntity.Value v -> new ExternEntity.Value(value(v.type()));
            case ExternEntity.Type t -> new ExternEntity.Type(type(t.type()));
            case ExternEntity.Instance i -> new ExternEntity.Instance(instance(i.type()));
            case ExternEntity.Component c -> new ExternEntity.Component(component(c.type()));
        };
    }

    TypeEntry type(TypeEntry t) {
        return switch (t) {
            case ResourceId r -> map.apply(r);
            case ValueType v -> value(v);
            case FunctionType f -> func(f);
            case InstanceSignature i -> instance(i);
            case ComponentSignature c -> component(c);
        };
    }

    FunctionType func(FunctionType f) {
        cx.countTypeNodes(1);
        return new FunctionType(f.async(),
                f.params().stream().map(p -> new FunctionType.Param(p.name(), value(p.type()))).toList(),
                f.result().map(this::value));
    }

    InstanceSignature instance(InstanceSignature i) {
        TypeEntry seen = done.get(i);
        if (seen == null) {
            cx.countTypeNodes(1);
            seen = new InstanceSignature(entities(i.exports()), ids(i.definedResources()));
            done.put(i, seen);
        }
        return (InstanceSignature) seen;
    }

    ComponentSignature component(ComponentSignature c) {
        TypeEntry seen = done.get(c);
        if (seen == null) {
            cx.countTypeNodes(1);
            seen = new ComponentSignature(entities(c.imports()), entities(c.exports()), ids(c.importedResources()),
                    ids(c.definedResources()));
            done.put(c, seen);
        }
        return (ComponentSignature) seen;
    }

    private List<ResourceId> ids(List<ResourceId> ids) {
        cx.countTypeNodes(ids.size());
        return ids.stream().map(map).toList();
    }

    private Map<String, ExternEntity> entities(Map<String, ExternEntity> in) {
        cx.countTypeNodes(in.size());
        Map<String, ExternEntity> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, entity(v)));
        return out;
    }

    ValueType value(ValueType v) {
        TypeEntry seen = done.get(v);
        if (seen == null) {
            cx.countTypeNodes(1);
            seen = rewrite(v);
            done.put(v, seen);
        }
        return (ValueType) seen;
    }

    private ValueType rewrite(ValueType v) {
        return switch (v) {
            case ValueType.Primitive p -> p;
            case ValueType.Record r -> new ValueType.Record(
                    r.fields().stream().map(f -> new ValueType.Field(f.name(), value(f.type()))).toList());
            case ValueType.Variant x -> new ValueType.Variant(
                    x.cases().stream().map(c -> new ValueType.Case(c.name(), c.type().map(this::value))).toList());
            case ValueType.ListOf l -> new ValueType.ListOf(value(l.element()));
            case ValueType.FixedList l -> new ValueType.FixedList(value(l.element()), l.length());
            case ValueType.Tuple t -> new ValueType.Tuple(t.types().stream().map(this::value).toList());
            case ValueType.Flags f -> f;
            case ValueType.Enum e -> e;
            case ValueType.Option o -> new ValueType.Option(value(o.type()));
            case ValueType.Result r -> new ValueType.Result(r.ok().map(this::value), r.error().map(this::value));
            case ValueType.Own o -> new ValueType.Own(map.apply(o.resource()));
            case ValueType.Borrow b -> new ValueType.Borrow(map.apply(b.resource()));
            case ValueType.Stream s -> new ValueType.Stream(s.element().map(this::value));
            case ValueType.Future f -> new ValueType.Future(f.element().map(this::value));
            case ValueType.MapOf m -> new ValueType.MapOf(value(m.key()), value(m.value()));
        };
    }
}
