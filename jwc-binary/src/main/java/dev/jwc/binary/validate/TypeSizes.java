package dev.jwc.binary.validate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective size of types, the number of nodes of the tree a type unfolds to (each definition counting one plus
 * what it refers to), and their depth, the longest chain of types inside types. Like wasmparser, validation bounds
 * both: the size so that no type is too large to compare, copy or lower in time proportional to it, however much
 * sharing made its binary small; the depth so that the many recursive walks over types, here and in the rest of
 * jwc, cannot overflow the stack.
 *
 * <p>Types are DAGs that share nodes by identity; measures are memoized by identity and computed with an explicit
 * stack, so the work is linear in the number of distinct nodes and deep nesting cannot overflow the call stack.
 */
final class TypeSizes {
    /** wasmparser's {@code MAX_WASM_TYPE_SIZE}: every type's effective size must stay below it. */
    static final long LIMIT = 1_000_000;

    /** A type's effective size (saturating at {@link #LIMIT}) and depth (a type without parts has depth 1). */
    record Measure(long size, int depth) {
    }

    private final Map<TypeEntry, Measure> measures = new IdentityHashMap<>();

    /** The measure of {@code root}. */
    Measure of(TypeEntry root) {
        Measure known = measures.get(root);
        if (known != null) {
            return known;
        }
        Deque<TypeEntry> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            TypeEntry t = pending.peek();
            if (measures.containsKey(t)) {
                pending.pop();
                continue;
            }
            long size = 1;
            int depth = 0;
            boolean ready = true;
            for (TypeEntry part : parts(t)) {
                Measure m = measures.get(part);
                if (m == null) {
                    pending.push(part);
                    ready = false;
                } else {
                    size = Math.min(LIMIT, size + m.size());
                    depth = Math.max(depth, m.depth());
                }
            }
            if (ready) {
                pending.pop();
                measures.put(t, new Measure(size, depth + 1));
            }
        }
        return measures.get(root);
    }

    /** The types {@code t} refers to directly. */
    private static List<TypeEntry> parts(TypeEntry t) {
        List<TypeEntry> out = new ArrayList<>();
        switch (t) {
            case ResourceId r -> {
            }
            case ValueType v -> valueParts(v, out);
            case FunctionType f -> {
                f.params().forEach(p -> out.add(p.type()));
                f.result().ifPresent(out::add);
            }
            case InstanceSignature i -> i.exports().values().forEach(e -> entityPart(e, out));
            case ComponentSignature c -> {
                c.imports().values().forEach(e -> entityPart(e, out));
                c.exports().values().forEach(e -> entityPart(e, out));
            }
        }
        return out;
    }

    private static void valueParts(ValueType v, List<TypeEntry> out) {
        switch (v) {
            case ValueType.Record r -> r.fields().forEach(f -> out.add(f.type()));
            case ValueType.Variant x -> x.cases().forEach(c -> c.type().ifPresent(out::add));
            case ValueType.ListOf l -> out.add(l.element());
            case ValueType.FixedList l -> out.add(l.element());
            case ValueType.Tuple x -> out.addAll(x.types());
            case ValueType.Option o -> out.add(o.type());
            case ValueType.Result r -> {
                r.ok().ifPresent(out::add);
                r.error().ifPresent(out::add);
            }
            case ValueType.Stream s -> s.element().ifPresent(out::add);
            case ValueType.Future f -> f.element().ifPresent(out::add);
            case ValueType.MapOf m -> {
                out.add(m.key());
                out.add(m.value());
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

    private static void entityPart(ExternEntity e, List<TypeEntry> out) {
        switch (e) {
            case ExternEntity.Module m -> {
            }
            case ExternEntity.Func f -> out.add(f.type());
            case ExternEntity.Value v -> out.add(v.type());
            case ExternEntity.Type x -> out.add(x.type());
            case ExternEntity.Instance i -> out.add(i.type());
            case ExternEntity.Component c -> out.add(c.type());
        }
    }
}
