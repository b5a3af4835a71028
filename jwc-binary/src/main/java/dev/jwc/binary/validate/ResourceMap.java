package dev.jwc.binary.validate;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Rewrites the resource identities inside resolved types, as instantiation and freshening need. Instantiation
 * also replaces the component's imported types by the arguments' types ({@link #substitute}), so that the
 * instance's exports refer to the types the instantiating component knows by name.
 */
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
     * Makes the types {@code imported} names (an imported type, or the types of an imported instance's exports,
     * however nested) stand for the types {@code argument} gives in their place. Iterative: instances of instances
     * may nest deeply.
     */
    void substitute(ExternEntity imported, ExternEntity argument) {
        Set<InstanceSignature> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<ExternEntity[]> pending = new ArrayDeque<>();
        pending.push(new ExternEntity[] {imported, argument});
        while (!pending.isEmpty()) {
            ExternEntity[] pair = pending.pop();
            switch (pair[0]) {
                case ExternEntity.Type t when t.type() instanceof ValueType v
                        && pair[1] instanceof ExternEntity.Type a && a.type() instanceof ValueType given ->
                        done.putIfAbsent(v, given);
                case ExternEntity.Instance i when pair[1] instanceof ExternEntity.Instance a
                        && visited.add(i.type()) ->
                        i.type().exports().forEach((name, e) -> {
                            ExternEntity given = a.type().exports().get(name);
                            if (given != null) {
                                pending.push(new ExternEntity[] {e, given});
                            }
                        });
                default -> {
                }
            }
        }
    }

    /** What {@code v} stands for after {@link #substitute}, if it was substituted. */
    Optional<TypeEntry> substitution(ValueType v) {
        return Optional.ofNullable(done.get(v));
    }

    ExternEntity entity(ExternEntity e) {
        return switch (e) {
            case ExternEntity.Module m -> m;
            case ExternEntity.Func f -> same(f.type(), func(f.type())) ? e : new ExternEntity.Func(func(f.type()));
            case ExternEntity.Value v -> same(v.type(), value(v.type())) ? e : new ExternEntity.Value(value(v.type()));
            case ExternEntity.Type t -> same(t.type(), type(t.type())) ? e : new ExternEntity.Type(type(t.type()));
            case ExternEntity.Instance i -> same(i.type(), instance(i.type())) ? e
                    : new ExternEntity.Instance(instance(i.type()));
            case ExternEntity.Component c -> same(c.type(), component(c.type())) ? e
                    : new ExternEntity.Component(component(c.type()));
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

    /**
     * Whether rewriting left a type as it was. Unchanged types keep their identity, so the rewritten types stay as
     * shared as the originals: a copy of every node would undo the sharing and grow exponentially with nesting.
     */
    private static boolean same(Object before, Object after) {
        return before == after || before instanceof ResourceId && before.equals(after);
    }

    FunctionType func(FunctionType f) {
        TypeEntry seen = done.get(f);
        if (seen == null) {
            cx.countTypeNodes(1);
            List<FunctionType.Param> params = f.params().stream()
                    .map(p -> same(p.type(), value(p.type())) ? p : new FunctionType.Param(p.name(), value(p.type())))
                    .toList();
            Optional<ValueType> result = f.result().map(this::value);
            boolean unchanged = sameAll(f.params(), params) && same(f.result().orElse(null), result.orElse(null));
            seen = unchanged ? f : new FunctionType(f.async(), params, result);
            done.put(f, seen);
        }
        return (FunctionType) seen;
    }

    InstanceSignature instance(InstanceSignature i) {
        TypeEntry seen = done.get(i);
        if (seen == null) {
            cx.countTypeNodes(1);
            Map<String, ExternEntity> exports = entities(i.exports());
            List<ResourceId> defined = ids(i.definedResources());
            boolean unchanged = sameAll(i.exports().values(), exports.values())
                    && sameAll(i.definedResources(), defined);
            seen = unchanged ? i : new InstanceSignature(exports, defined);
            done.put(i, seen);
        }
        return (InstanceSignature) seen;
    }

    ComponentSignature component(ComponentSignature c) {
        TypeEntry seen = done.get(c);
        if (seen == null) {
            cx.countTypeNodes(1);
            Map<String, ExternEntity> imports = entities(c.imports());
            Map<String, ExternEntity> exports = entities(c.exports());
            List<ResourceId> imported = ids(c.importedResources());
            List<ResourceId> defined = ids(c.definedResources());
            boolean unchanged = sameAll(c.imports().values(), imports.values())
                    && sameAll(c.exports().values(), exports.values())
                    && sameAll(c.importedResources(), imported) && sameAll(c.definedResources(), defined);
            seen = unchanged ? c : new ComponentSignature(imports, exports, imported, defined);
            done.put(c, seen);
        }
        return (ComponentSignature) seen;
    }

    private static boolean sameAll(Collection<?> before, Collection<?> after) {
        Iterator<?> a = after.iterator();
        for (Object b : before) {
            if (!same(b, a.next())) {
                return false;
            }
        }
        return true;
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

    private Optional<ValueType> value(Optional<ValueType> v) {
        return v.map(this::value);
    }

    private ValueType rewrite(ValueType v) {
        return switch (v) {
            case ValueType.Primitive p -> p;
            case ValueType.Record r -> {
                List<ValueType.Field> fields = r.fields().stream()
                        .map(f -> same(f.type(), value(f.type())) ? f : new ValueType.Field(f.name(), value(f.type())))
                        .toList();
                yield sameAll(r.fields(), fields) ? r : new ValueType.Record(fields);
            }
            case ValueType.Variant x -> {
                List<ValueType.Case> cases = x.cases().stream()
                        .map(c -> same(c.type().orElse(null), value(c.type()).orElse(null)) ? c
                                : new ValueType.Case(c.name(), value(c.type())))
                        .toList();
                yield sameAll(x.cases(), cases) ? x : new ValueType.Variant(cases);
            }
            case ValueType.ListOf l -> same(l.element(), value(l.element())) ? l : new ValueType.ListOf(value(l.element()));
            case ValueType.FixedList l -> same(l.element(), value(l.element())) ? l
                    : new ValueType.FixedList(value(l.element()), l.length());
            case ValueType.Tuple t -> {
                List<ValueType> types = t.types().stream().map(this::value).toList();
                yield sameAll(t.types(), types) ? t : new ValueType.Tuple(types);
            }
            case ValueType.Flags f -> f;
            case ValueType.Enum e -> e;
            case ValueType.Option o -> same(o.type(), value(o.type())) ? o : new ValueType.Option(value(o.type()));
            case ValueType.Result r -> {
                Optional<ValueType> ok = value(r.ok());
                Optional<ValueType> error = value(r.error());
                yield same(r.ok().orElse(null), ok.orElse(null)) && same(r.error().orElse(null), error.orElse(null))
                        ? r : new ValueType.Result(ok, error);
            }
            case ValueType.Own o -> same(o.resource(), map.apply(o.resource())) ? o
                    : new ValueType.Own(map.apply(o.resource()));
            case ValueType.Borrow b -> same(b.resource(), map.apply(b.resource())) ? b
                    : new ValueType.Borrow(map.apply(b.resource()));
            case ValueType.Stream s -> same(s.element().orElse(null), value(s.element()).orElse(null)) ? s
                    : new ValueType.Stream(value(s.element()));
            case ValueType.Future f -> same(f.element().orElse(null), value(f.element()).orElse(null)) ? f
                    : new ValueType.Future(value(f.element()));
            case ValueType.MapOf m -> same(m.key(), value(m.key())) && same(m.value(), value(m.value())) ? m
                    : new ValueType.MapOf(value(m.key()), value(m.value()));
        };
    }
}
