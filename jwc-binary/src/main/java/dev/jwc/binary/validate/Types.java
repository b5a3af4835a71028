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

    /**
     * Calls {@code visitor} once on {@code v} and on every distinct value type inside it. Types are shared DAGs
     * (a tuple may name the same type twice, level after level), so each node is visited once by identity: a walk
     * of the tree they unfold to could be exponential in the size of the binary.
     */
    static void visit(ValueType v, Consumer<ValueType> visitor) {
        visit(v, visitor, identitySet());
    }

    private static void visit(ValueType v, Consumer<ValueType> visitor, Set<Object> seen) {
        if (!seen.add(v)) {
            return;
        }
        visitor.accept(v);
        switch (v) {
            case ValueType.Record r -> r.fields().forEach(f -> visit(f.type(), visitor, seen));
            case ValueType.Variant x -> x.cases().forEach(c -> c.type().ifPresent(t -> visit(t, visitor, seen)));
            case ValueType.ListOf l -> visit(l.element(), visitor, seen);
            case ValueType.FixedList l -> visit(l.element(), visitor, seen);
            case ValueType.Tuple t -> t.types().forEach(e -> visit(e, visitor, seen));
            case ValueType.Option o -> visit(o.type(), visitor, seen);
            case ValueType.Result r -> {
                r.ok().ifPresent(t -> visit(t, visitor, seen));
                r.error().ifPresent(t -> visit(t, visitor, seen));
            }
            case ValueType.Stream s -> s.element().ifPresent(t -> visit(t, visitor, seen));
            case ValueType.Future f -> f.element().ifPresent(t -> visit(t, visitor, seen));
            case ValueType.MapOf m -> {
                visit(m.key(), visitor, seen);
                visit(m.value(), visitor, seen);
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

    private static Set<Object> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    /** Adds every resource {@code e} refers to, however deeply, to {@code out}. */
    static void resources(ExternEntity e, Set<ResourceId> out) {
        new ResourceCollector(out).entity(e);
    }

    static void resources(TypeEntry t, Set<ResourceId> out) {
        new ResourceCollector(out).entry(t);
    }

    /** Collects resources, visiting each shared type (by identity) once, as types form DAGs. */
    private record ResourceCollector(Set<ResourceId> out, Set<Object> seen) {
        ResourceCollector(Set<ResourceId> out) {
            this(out, identitySet());
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
            switch (t) {
                case ResourceId r -> out.add(r);
                case ValueType v -> visit(v, this::handle, seen);
                case FunctionType f -> {
                    if (seen.add(f)) {
                        f.params().forEach(p -> entry(p.type()));
                        f.result().ifPresent(this::entry);
                    }
                }
                case InstanceSignature i -> {
                    if (seen.add(i)) {
                        i.exports().values().forEach(this::entity);
                    }
                }
                case ComponentSignature c -> {
                    if (seen.add(c)) {
                        c.imports().values().forEach(this::entity);
                        c.exports().values().forEach(this::entity);
                    }
                }
            }
        }

        private void handle(ValueType v) {
            switch (v) {
                case ValueType.Own o -> out.add(o.resource());
                case ValueType.Borrow b -> out.add(b.resource());
                default -> {
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
