package dev.jwc.binary.validate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective size of types: the number of nodes of the tree a type unfolds to, each definition counting one
 * plus what it refers to. Like wasmparser, validation bounds it, so that no type is too large to compare, copy or
 * lower in time proportional to it, however much sharing made its binary small.
 *
 * <p>Types are DAGs that share nodes by identity; sizes are memoized by identity and computed with an explicit
 * stack, so the work is linear in the number of distinct nodes and deep nesting cannot overflow the call stack.
 */
final class TypeSizes {
    /** wasmparser's {@code MAX_WASM_TYPE_SIZE}: every type's effective size must stay below it. */
    static final long LIMIT = 1_000_000;

    private final Map<TypeEntry, Long> sizes = new IdentityHashMap<>();

    /** The effective size of {@code root}, saturating at {@link #LIMIT}. */
    long of(TypeEntry root) {
        Long known = sizes.get(root);
        if (known != null) {
            return known;
        }
        Deque<TypeEntry> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            TypeEntry t = pending.peek();
            if (sizes.containsKey(t)) {
                pending.pop();
                continue;
            }
            List<TypeEntry> parts = parts(t);
            long size = 1;
            boolean ready = true;
            for (TypeEntry part : parts) {
                Long partSize = sizes.get(part);
                if (partSize == null) {
                    pending.push(part);
                    ready = false;
                } else {
                    size = Math.min(LIMIT, size + partSize);
                }
            }
            if (ready) {
                pending.pop();
                sizes.put(t, size);
            }
        }
        return sizes.get(root);
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
