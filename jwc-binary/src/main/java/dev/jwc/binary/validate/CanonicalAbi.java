package dev.jwc.binary.validate;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Flattening of component types to core types (CanonicalABI.md "Flattening"). */
final class CanonicalAbi {
    static final int MAX_FLAT_PARAMS = 16;
    static final int MAX_FLAT_ASYNC_PARAMS = 4;
    static final int MAX_FLAT_RESULTS = 1;

    private CanonicalAbi() {
    }

    /**
     * The flat core types of {@code v}; pointers and lengths have the memory's address type {@code ptr}. Callers only
     * compare the count against {@link #MAX_FLAT_PARAMS} at most, so the list stops one past it: with the memo by
     * identity, that keeps the work linear even for types that unfold to exponentially large trees.
     */
    static List<NumType> flatten(ValueType v, NumType ptr) {
        return flatten(v, ptr, new IdentityHashMap<>());
    }

    private static List<NumType> flatten(ValueType v, NumType ptr, Map<ValueType, List<NumType>> memo) {
        List<NumType> known = memo.get(v);
        if (known != null) {
            return known;
        }
        List<NumType> out = new ArrayList<>();
        switch (v) {
            case ValueType.Primitive p -> {
                switch (p.type()) {
                    case S64, U64 -> out.add(NumType.I64);
                    case F32 -> out.add(NumType.F32);
                    case F64 -> out.add(NumType.F64);
                    case STRING -> {
                        out.add(ptr);
                        out.add(ptr);
                    }
                    default -> out.add(NumType.I32);
                }
            }
            case ValueType.ListOf l -> {
                out.add(ptr);
                out.add(ptr);
            }
            case ValueType.MapOf m -> {
                out.add(ptr);
                out.add(ptr);
            }
            case ValueType.FixedList l -> {
                List<NumType> element = flatten(l.element(), ptr, memo);
                for (long i = 0; i < l.length() && out.size() <= MAX_FLAT_PARAMS; i++) {
                    append(out, element);
                }
            }
            case ValueType.Record r -> r.fields().forEach(f -> append(out, flatten(f.type(), ptr, memo)));
            case ValueType.Tuple t -> t.types().forEach(x -> append(out, flatten(x, ptr, memo)));
            case ValueType.Variant x -> variant(x.cases().stream().map(ValueType.Case::type).toList(), ptr, memo, out);
            case ValueType.Option o -> variant(List.of(Optional.empty(), Optional.of(o.type())), ptr, memo, out);
            case ValueType.Result r -> variant(List.of(r.ok(), r.error()), ptr, memo, out);
            case ValueType.Flags f -> out.add(NumType.I32);
            case ValueType.Enum e -> out.add(NumType.I32);
            case ValueType.Own o -> out.add(NumType.I32);
            case ValueType.Borrow b -> out.add(NumType.I32);
            case ValueType.Stream s -> out.add(NumType.I32);
            case ValueType.Future f -> out.add(NumType.I32);
        }
        List<NumType> flat = List.copyOf(out);
        memo.put(v, flat);
        return flat;
    }

    /** Appends {@code more}, stopping one past {@link #MAX_FLAT_PARAMS}. */
    private static void append(List<NumType> out, List<NumType> more) {
        for (int i = 0; i < more.size() && out.size() <= MAX_FLAT_PARAMS; i++) {
            out.add(more.get(i));
        }
    }

    private static void variant(List<Optional<ValueType>> cases, NumType ptr, Map<ValueType, List<NumType>> memo,
            List<NumType> out) {
        List<NumType> joined = new ArrayList<>();
        for (Optional<ValueType> c : cases) {
            if (c.isEmpty()) {
                continue;
            }
            List<NumType> flat = flatten(c.get(), ptr, memo);
            for (int i = 0; i < flat.size(); i++) {
                if (i < joined.size()) {
                    joined.set(i, join(joined.get(i), flat.get(i)));
                } else {
                    joined.add(flat.get(i));
                }
            }
        }
        out.add(NumType.I32);
        append(out, joined);
    }

    private static NumType join(NumType a, NumType b) {
        if (a == b) {
            return a;
        }
        if ((a == NumType.I32 && b == NumType.F32) || (a == NumType.F32 && b == NumType.I32)) {
            return NumType.I32;
        }
        return NumType.I64;
    }

    /**
     * Whether values of the type live (partly) in linear memory, so need a memory and maybe realloc. A future or
     * stream is a handle: its payload only matters to its own read and write built-ins.
     */
    static boolean usesMemory(ValueType v) {
        return usesMemory(v, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** {@code seen} holds the types already found not to use memory: types are DAGs, each is checked once. */
    private static boolean usesMemory(ValueType v, Set<ValueType> seen) {
        if (!seen.add(v)) {
            return false;
        }
        return switch (v) {
            case ValueType.ListOf l -> true;
            case ValueType.MapOf m -> true;
            case ValueType.Primitive p -> p.type() == dev.jwc.binary.component.PrimitiveType.STRING;
            case ValueType.Record r -> r.fields().stream().anyMatch(f -> usesMemory(f.type(), seen));
            case ValueType.Variant x -> x.cases().stream().anyMatch(c -> c.type().map(t -> usesMemory(t, seen))
                    .orElse(false));
            case ValueType.FixedList l -> usesMemory(l.element(), seen);
            case ValueType.Tuple t -> t.types().stream().anyMatch(e -> usesMemory(e, seen));
            case ValueType.Option o -> usesMemory(o.type(), seen);
            case ValueType.Result r -> r.ok().map(t -> usesMemory(t, seen)).orElse(false)
                    || r.error().map(t -> usesMemory(t, seen)).orElse(false);
            case ValueType.Stream st -> false;
            case ValueType.Future f -> false;
            case ValueType.Own o -> false;
            case ValueType.Borrow b -> false;
            case ValueType.Flags f -> false;
            case ValueType.Enum e -> false;
        };
    }

    static List<NumType> flattenParams(FunctionType f, NumType ptr) {
        List<NumType> out = new ArrayList<>();
        f.params().forEach(p -> out.addAll(flatten(p.type(), ptr)));
        return out;
    }

    static List<NumType> flattenResult(FunctionType f, NumType ptr) {
        return f.result().map(r -> flatten(r, ptr)).orElse(List.of());
    }

    /** The core signature a lifted function's core function must have. */
    static FuncType lift(FunctionType f, boolean async, boolean callback, NumType ptr) {
        List<NumType> params = flattenParams(f, ptr);
        if (params.size() > MAX_FLAT_PARAMS) {
            params = List.of(ptr);
        }
        List<NumType> results;
        if (async) {
            results = callback ? List.of(NumType.I32) : List.of();
        } else {
            results = flattenResult(f, ptr);
            if (results.size() > MAX_FLAT_RESULTS) {
                results = List.of(ptr);
            }
        }
        return new FuncType(List.<ValType>copyOf(params), List.<ValType>copyOf(results));
    }

    /** The core signature of a lowered function. */
    static FuncType lower(FunctionType f, boolean async, NumType ptr) {
        List<NumType> params = new ArrayList<>(flattenParams(f, ptr));
        if (async) {
            if (params.size() > MAX_FLAT_ASYNC_PARAMS) {
                params = new ArrayList<>(List.of(ptr));
            }
            if (f.result().isPresent()) {
                params.add(ptr);
            }
            return new FuncType(List.<ValType>copyOf(params), List.of(NumType.I32));
        }
        if (params.size() > MAX_FLAT_PARAMS) {
            params = new ArrayList<>(List.of(ptr));
        }
        List<NumType> results = flattenResult(f, ptr);
        if (results.size() > MAX_FLAT_RESULTS) {
            params.add(ptr);
            results = List.of();
        }
        return new FuncType(List.<ValType>copyOf(params), List.<ValType>copyOf(results));
    }

    /** Rust's debug spelling of a list of core value types, as wasmparser prints them. */
    static String debug(List<ValType> types) {
        List<String> names = new ArrayList<>();
        for (ValType t : types) {
            String text = t.text();
            names.add(t instanceof NumType ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : text);
        }
        return "[" + String.join(", ", names) + "]";
    }
}
