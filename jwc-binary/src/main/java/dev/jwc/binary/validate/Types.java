package dev.jwc.binary.validate;

import java.util.Set;
import java.util.function.Consumer;

/** Queries over resolved types. */
final class Types {
    private Types() {
    }

    static boolean containsBorrow(ValueType v) {
        boolean[] found = {false};
        visit(v, t -> {
            if (t instanceof ValueType.Borrow) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** Calls {@code visitor} on {@code v} and every value type inside it. */
    static void visit(ValueType v, Consumer<ValueType> visitor) {
        visitor.accept(v);
        switch (v) {
            case ValueType.Record r -> r.fields().forEach(f -> visit(f.type(), visitor));
            case ValueType.Variant x -> x.cases().forEach(c -> c.type().ifPresent(t -> visit(t, visitor)));
            case ValueType.ListOf l -> visit(l.element(), visitor);
            case ValueType.FixedList l -> visit(l.element(), visitor);
            case ValueType.Tuple t -> t.types().forEach(e -> visit(e, visitor));
            case ValueType.Option o -> visit(o.type(), visitor);
            case ValueType.Result r -> {
                r.ok().ifPresent(t -> visit(t, visitor));
                r.error().ifPresent(t -> visit(t, visitor));
            }
            case ValueType.Stream s -> s.element().ifPresent(t -> visit(t, visitor));
            case ValueType.Future f -> f.element().ifPresent(t -> visit(t, visitor));
            case ValueType.MapOf m -> {
                visit(m.key(), visitor);
                visit(m.value(), visitor);
            }
            case ValueType.Primitive p -> {
            }
            case ValueType.Flags f -> {
            }
            case ValueType.Enum e -> {
            }
            case ValueType.Own o -> {
            }
            case ValueType.Borrow b -> {
            }
        }
    }

    /** Adds every resource {@code e} refers to, however deeply, to {@code out}. */
    static void resources(ExternEntity e, Set<ResourceId> out) {
        new ResourceCollector(out).entity(e);
    }

    static void resources(TypeEntry t, Set<ResourceId> out) {
        new ResourceCollector(out).entry(t);
    }

    /** Collects resources, visiting each shared instance or component type once. */
    private record ResourceCollector(Set<ResourceId> out, Set<TypeEntry> seen) {
        ResourceCollector(Set<ResourceId> out) {
            this(out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        }

    void entity(ExternEntity e) {
        switch (e) {
            case ExternEntity.Module m -> {
            }
            case ExternEntity.Func f -> entry(f.type());
            case ExternEntity.Value v -> entry(v.type());
            case ExternEntity.Type t -> entry(t.type());
            case ExternEntity.Instance i -> entry(i.type());
            case ExternEntity.Component c -> entry(c.type());
        }
    }

    void entry(TypeEntry t) {
        if ((t instanceof InstanceSignature || t instanceof ComponentSignature) && !seen.add(t)) {
            return;
        }
        switch (t) {
            case ResourceId r -> out.add(r);
            case ValueType v -> visit(v, x -> {
                if (x instanceof ValueType.Own o) {
                    out.add(o.resource());
                } else if (x instanceof ValueType.Borrow b) {
                    out.add(b.resource());
                }
            });
            case FunctionType f -> {
                f.params().forEach(p -> entry(p.type()));
                f.result().ifPresent(this::entry);
            }
            case InstanceSignature i -> i.exports().values().forEach(this::entity);
            case ComponentSignature c -> {
                c.imports().values().forEach(this::entity);
                c.exports().values().forEach(this::entity);
            }
        }
    }
    }

    /** The same type under a new identity, as importing or exporting a type gives it a new name. */
    static ValueType renamed(ValueType v) {
        return switch (v) {
            case ValueType.Primitive p -> new ValueType.Primitive(p.type());
            case ValueType.Record r -> new ValueType.Record(r.fields());
            case ValueType.Variant x -> new ValueType.Variant(x.cases());
            case ValueType.ListOf l -> new ValueType.ListOf(l.element());
            case ValueType.FixedList l -> new ValueType.FixedList(l.element(), l.length());
            case ValueType.Tuple t -> new ValueType.Tuple(t.types());
            case ValueType.Flags f -> new ValueType.Flags(f.names());
            case ValueType.Enum e -> new ValueType.Enum(e.names());
            case ValueType.Option o -> new ValueType.Option(o.type());
            case ValueType.Result r -> new ValueType.Result(r.ok(), r.error());
            case ValueType.Own o -> new ValueType.Own(o.resource());
            case ValueType.Borrow b -> new ValueType.Borrow(b.resource());
            case ValueType.Stream s -> new ValueType.Stream(s.element());
            case ValueType.Future f -> new ValueType.Future(f.element());
            case ValueType.MapOf m -> new ValueType.MapOf(m.key(), m.value());
        };
    }

    /** Whether values of this type are nominal in bindings and so need a name to be used. */
    static boolean needsName(ValueType v) {
        return v instanceof ValueType.Record || v instanceof ValueType.Variant || v instanceof ValueType.Flags
                || v instanceof ValueType.Enum;
    }
}
