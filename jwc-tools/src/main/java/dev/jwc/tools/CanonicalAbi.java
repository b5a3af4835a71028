package dev.jwc.tools;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.ValType;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parts of CanonicalABI.md that decide core signatures and canonical options of synchronous functions. */
final class CanonicalAbi {
    static final int MAX_FLAT_PARAMS = 16;
    static final int MAX_FLAT_RESULTS = 1;

    private final Resolve resolve;

    CanonicalAbi(Resolve resolve) {
        this.resolve = resolve;
    }

    Resolve resolve() {
        return resolve;
    }

    /** Whether the core function is a lowered import (results go through a return pointer) or a lifted export. */
    enum Direction { LOWER, LIFT }

    /**
     * How a call crosses the boundary: synchronously, or asynchronously (an async lowering, or an async lift that
     * either returns to a callback or keeps its stack); async calls return their results through
     * {@code task.return} (lifted) or a return pointer (lowered).
     */
    enum Variant { SYNC, ASYNC_CALLBACK, ASYNC_STACKFUL }

    static final int MAX_FLAT_ASYNC_PARAMS = 4;

    /** The core signature of {@code f} lifted or lowered with {@code variant}. */
    FuncType signature(Function f, Direction direction, Variant variant) {
        if (variant == Variant.SYNC) {
            return signature(f, direction);
        }
        List<ValType> params = flatParams(f);
        if (direction == Direction.LOWER) {
            if (params.size() > MAX_FLAT_ASYNC_PARAMS) {
                params = List.of(NumType.I32);
            }
            if (f.result().isPresent()) {
                params = new ArrayList<>(params);
                params.add(NumType.I32);
            }
            return new FuncType(params, List.of(NumType.I32));
        }
        if (params.size() > MAX_FLAT_PARAMS) {
            params = List.of(NumType.I32);
        }
        return new FuncType(params, variant == Variant.ASYNC_CALLBACK ? List.of(NumType.I32) : List.of());
    }

    /** The core signature of {@code task.return} for {@code f}: its flattened result as parameters. */
    FuncType taskReturnSignature(Function f) {
        List<ValType> params = flatResults(f);
        return new FuncType(params.size() > MAX_FLAT_PARAMS ? List.of(NumType.I32) : params, List.of());
    }

    /** {@code task.return} for {@code f} reads its result from memory. */
    boolean taskReturnNeedsMemory(Function f) {
        return flatResults(f).size() > MAX_FLAT_PARAMS || f.result().map(this::hasLists).orElse(false);
    }

    /** {@code f} lifted or lowered with {@code variant} needs the module's memory. */
    boolean needsMemory(Function f, Direction direction, Variant variant) {
        if (variant == Variant.SYNC) {
            return needsMemory(f);
        }
        boolean paramLists = f.params().stream().anyMatch(p -> hasLists(p.type()));
        return switch (direction) {
            case LOWER -> flatParams(f).size() > MAX_FLAT_ASYNC_PARAMS || f.result().isPresent() || paramLists;
            case LIFT -> flatParams(f).size() > MAX_FLAT_PARAMS || paramLists || taskReturnNeedsMemory(f);
        };
    }

    /** Whether a payload of {@code type} (of a future or stream) holds lists or strings. */
    boolean payloadHasLists(Type type) {
        return hasLists(type);
    }

    /** The core signature of {@code f} lifted or lowered. */
    FuncType signature(Function f, Direction direction) {
        List<ValType> params = flatParams(f);
        List<ValType> results = flatResults(f);
        if (params.size() > MAX_FLAT_PARAMS) {
            params = List.of(NumType.I32);
        }
        if (results.size() > MAX_FLAT_RESULTS) {
            if (direction == Direction.LOWER) {
                params = new ArrayList<>(params);
                params.add(NumType.I32);
                results = List.of();
            } else {
                results = List.of(NumType.I32);
            }
        }
        return new FuncType(params, results);
    }

    /** A lowered or lifted {@code f} needs the module's memory. */
    boolean needsMemory(Function f) {
        return flatParams(f).size() > MAX_FLAT_PARAMS || flatResults(f).size() > MAX_FLAT_RESULTS
                || f.params().stream().anyMatch(p -> hasLists(p.type())) || f.result().map(this::hasLists).orElse(false);
    }

    /** A lowered {@code f} allocates its results in the module, a lifted one its parameters. */
    boolean needsRealloc(Function f, Direction direction) {
        return switch (direction) {
            case LOWER -> f.result().map(this::hasLists).orElse(false);
            case LIFT -> flatParams(f).size() > MAX_FLAT_PARAMS
                    || f.params().stream().anyMatch(p -> hasLists(p.type()));
        };
    }

    /** Strings anywhere in {@code f}'s types. */
    boolean usesStrings(Function f) {
        return f.params().stream().anyMatch(p -> hasStrings(p.type())) || f.result().map(this::hasStrings).orElse(false);
    }

    private List<ValType> flatParams(Function f) {
        List<ValType> out = new ArrayList<>();
        for (Param p : f.params()) {
            out.addAll(flatten(p.type()));
        }
        return out;
    }

    private List<ValType> flatResults(Function f) {
        return f.result().map(this::flatten).orElse(List.of());
    }

    /** The flattened core types of {@code type}. */
    List<ValType> flatten(Type type) {
        List<ValType> out = new ArrayList<>();
        flatten(type, out, 0);
        return out;
    }

    private void flatten(Type type, List<ValType> out, int depth) {
        guard(depth);
        switch (type) {
            case Type.Primitive p -> out.addAll(switch (p) {
                case BOOL, U8, U16, U32, S8, S16, S32, CHAR, ERROR_CONTEXT -> List.of(NumType.I32);
                case U64, S64 -> List.of(NumType.I64);
                case F32 -> List.of(NumType.F32);
                case F64 -> List.of(NumType.F64);
                case STRING -> List.of(NumType.I32, NumType.I32);
            });
            case Type.Ref(TypeId id) -> flattenKind(resolve.get(id).kind(), out, depth + 1);
        }
    }

    private void flattenKind(TypeDefKind kind, List<ValType> out, int depth) {
        switch (kind) {
            case TypeDefKind.Record r -> r.fields().forEach(f -> flatten(f.type(), out, depth));
            case TypeDefKind.Tuple t -> t.types().forEach(e -> flatten(e, out, depth));
            case TypeDefKind.Flags f -> {
                for (int i = 0; i < (f.flags().size() + 31) / 32; i++) {
                    out.add(NumType.I32);
                }
            }
            case TypeDefKind.Enum e -> out.add(NumType.I32);
            case TypeDefKind.Variant v -> variant(v.cases().stream().map(TypeDefKind.Case::type).toList(), out, depth);
            case TypeDefKind.Option o -> variant(List.of(Optional.empty(), Optional.of(o.type())), out, depth);
            case TypeDefKind.Result r -> variant(List.of(r.ok(), r.err()), out, depth);
            case TypeDefKind.List l -> out.addAll(List.of(NumType.I32, NumType.I32));
            case TypeDefKind.Map m -> out.addAll(List.of(NumType.I32, NumType.I32));
            case TypeDefKind.FixedSizeList l -> {
                for (long i = 0; i < l.size(); i++) {
                    flatten(l.element(), out, depth);
                }
            }
            case TypeDefKind.Own o -> out.add(NumType.I32);
            case TypeDefKind.Borrow b -> out.add(NumType.I32);
            case TypeDefKind.Future f -> out.add(NumType.I32);
            case TypeDefKind.Stream s -> out.add(NumType.I32);
            case TypeDefKind.Resource r -> out.add(NumType.I32);
            case TypeDefKind.Alias(Type target) -> flatten(target, out, depth);
            case TypeDefKind.Unknown u -> throw new ToolsException("an unresolved type has no core representation");
        }
    }

    /** A discriminant followed by the cases' payloads joined slot by slot. */
    private void variant(List<Optional<Type>> cases, List<ValType> out, int depth) {
        List<ValType> joined = new ArrayList<>();
        for (Optional<Type> c : cases) {
            if (c.isEmpty()) {
                continue;
            }
            List<ValType> flat = new ArrayList<>();
            flatten(c.get(), flat, depth);
            for (int i = 0; i < flat.size(); i++) {
                if (i < joined.size()) {
                    joined.set(i, join(joined.get(i), flat.get(i)));
                } else {
                    joined.add(flat.get(i));
                }
            }
        }
        out.add(NumType.I32);
        out.addAll(joined);
    }

    private static ValType join(ValType a, ValType b) {
        if (a == b) {
            return a;
        }
        boolean narrow = (a == NumType.I32 || a == NumType.F32) && (b == NumType.I32 || b == NumType.F32);
        return narrow ? NumType.I32 : NumType.I64;
    }

    private boolean hasLists(Type type) {
        return contains(type, true, 0);
    }

    private boolean hasStrings(Type type) {
        return contains(type, false, 0);
    }

    /** Whether {@code type} holds strings (or, with {@code lists}, also lists and maps). */
    private boolean contains(Type type, boolean lists, int depth) {
        guard(depth);
        return switch (type) {
            case Type.Primitive p -> p == Type.Primitive.STRING;
            case Type.Ref(TypeId id) -> switch (resolve.get(id).kind()) {
                case TypeDefKind.Record r -> r.fields().stream().anyMatch(f -> contains(f.type(), lists, depth + 1));
                case TypeDefKind.Tuple t -> t.types().stream().anyMatch(e -> contains(e, lists, depth + 1));
                case TypeDefKind.Variant v -> v.cases().stream()
                        .anyMatch(c -> c.type().map(e -> contains(e, lists, depth + 1)).orElse(false));
                case TypeDefKind.Option o -> contains(o.type(), lists, depth + 1);
                case TypeDefKind.Result r -> r.ok().map(e -> contains(e, lists, depth + 1)).orElse(false)
                        || r.err().map(e -> contains(e, lists, depth + 1)).orElse(false);
                case TypeDefKind.List l -> lists || contains(l.element(), false, depth + 1);
                case TypeDefKind.Map m -> lists || contains(m.key(), false, depth + 1)
                        || contains(m.value(), false, depth + 1);
                case TypeDefKind.FixedSizeList l -> contains(l.element(), lists, depth + 1);
                case TypeDefKind.Alias(Type target) -> contains(target, lists, depth + 1);
                case TypeDefKind.Flags f -> false;
                case TypeDefKind.Enum e -> false;
                case TypeDefKind.Own o -> false;
                case TypeDefKind.Borrow b -> false;
                case TypeDefKind.Future f -> false;
                case TypeDefKind.Stream s -> false;
                case TypeDefKind.Resource r -> false;
                case TypeDefKind.Unknown u -> false;
            };
        };
    }

    private static void guard(int depth) {
        if (depth > 1000) {
            throw new ToolsException("type nesting deeper than 1000 levels");
        }
    }
}
