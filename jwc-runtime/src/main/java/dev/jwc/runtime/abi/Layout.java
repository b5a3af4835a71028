package dev.jwc.runtime.abi;

import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sizes, alignments and flattening of value types (CanonicalABI.md "Alignment", "Element Size",
 * "Flattening"), for 32-bit memories. Tuples, enums, options, results and maps are despecialized on
 * the fly into records, variants and lists.
 */
public final class Layout {
    public static final int MAX_FLAT_PARAMS = 16;
    public static final int MAX_FLAT_RESULTS = 1;
    public static final int MAX_FLAT_ASYNC_PARAMS = 4;

    private Layout() {
    }

    public static int alignment(ValueType t) {
        return switch (t) {
            case Primitive p -> switch (p) {
                case BOOL, S8, U8 -> 1;
                case S16, U16 -> 2;
                case S32, U32, F32, CHAR, STRING, ERROR_CONTEXT -> 4;
                case S64, U64, F64 -> 8;
            };
            case ValueType.ListType l -> 4;
            case ValueType.MapType m -> 4;
            case ValueType.FixedListType l -> alignment(l.element());
            case ValueType.RecordType r -> maxAlignment(r.fields().stream().map(ValueType.Field::type).toList());
            case ValueType.TupleType tu -> maxAlignment(tu.types());
            case ValueType.FlagsType f -> f.names().size() <= 8 ? 1 : f.names().size() <= 16 ? 2 : 4;
            case ValueType.Own o -> 4;
            case ValueType.Borrow b -> 4;
            case ValueType.FutureType f -> 4;
            case ValueType.StreamType s -> 4;
            default -> {
                List<Optional<ValueType>> cases = cases(t);
                yield Math.max(discriminantSize(cases.size()), maxCaseAlignment(cases));
            }
        };
    }

    public static int size(ValueType t) {
        return switch (t) {
            case Primitive p -> switch (p) {
                case BOOL, S8, U8 -> 1;
                case S16, U16 -> 2;
                case S32, U32, F32, CHAR, ERROR_CONTEXT -> 4;
                case S64, U64, F64, STRING -> 8;
            };
            case ValueType.ListType l -> 8;
            case ValueType.MapType m -> 8;
            case ValueType.FixedListType l -> l.length() * size(l.element());
            case ValueType.RecordType r -> recordSize(r.fields().stream().map(ValueType.Field::type).toList());
            case ValueType.TupleType tu -> recordSize(tu.types());
            case ValueType.FlagsType f -> f.names().size() <= 8 ? 1 : f.names().size() <= 16 ? 2 : 4;
            case ValueType.Own o -> 4;
            case ValueType.Borrow b -> 4;
            case ValueType.FutureType f -> 4;
            case ValueType.StreamType s -> 4;
            default -> {
                List<Optional<ValueType>> cases = cases(t);
                int s = alignTo(discriminantSize(cases.size()), maxCaseAlignment(cases));
                int payload = 0;
                for (Optional<ValueType> c : cases) {
                    payload = Math.max(payload, c.map(Layout::size).orElse(0));
                }
                yield alignTo(s + payload, alignment(t));
            }
        };
    }

    /** The case payload types of a variant-like type (variant, enum, option, result), in order. */
    public static List<Optional<ValueType>> cases(ValueType t) {
        return switch (t) {
            case ValueType.VariantType v -> v.cases().stream().map(ValueType.Case::type).toList();
            case ValueType.EnumType e -> e.names().stream().map(n -> Optional.<ValueType>empty()).toList();
            case ValueType.OptionType o -> List.of(Optional.empty(), Optional.of(o.type()));
            case ValueType.ResultType r -> List.of(r.ok(), r.error());
            default -> throw new IllegalArgumentException("not a variant-like type: " + t);
        };
    }

    /** The field types of a record-like type (record, tuple). */
    public static List<ValueType> fields(ValueType t) {
        return switch (t) {
            case ValueType.RecordType r -> r.fields().stream().map(ValueType.Field::type).toList();
            case ValueType.TupleType tu -> tu.types();
            default -> throw new IllegalArgumentException("not a record-like type: " + t);
        };
    }

    public static int discriminantSize(int cases) {
        return cases <= 0x100 ? 1 : cases <= 0x10000 ? 2 : 4;
    }

    public static int maxCaseAlignment(List<Optional<ValueType>> cases) {
        int a = 1;
        for (Optional<ValueType> c : cases) {
            a = Math.max(a, c.map(Layout::alignment).orElse(1));
        }
        return a;
    }

    static int maxAlignment(List<ValueType> types) {
        int a = 1;
        for (ValueType t : types) {
            a = Math.max(a, alignment(t));
        }
        return a;
    }

    static int recordSize(List<ValueType> types) {
        int s = 0;
        for (ValueType t : types) {
            s = alignTo(s, alignment(t)) + size(t);
        }
        return alignTo(s, maxAlignment(types));
    }

    public static int alignTo(int ptr, int alignment) {
        return (int) alignTo((long) ptr, alignment);
    }

    public static long alignTo(long ptr, int alignment) {
        return (ptr + alignment - 1) / alignment * alignment;
    }

    /** The flat core types of {@code t}. */
    public static List<FlatType> flatten(ValueType t) {
        List<FlatType> out = new ArrayList<>();
        flatten(t, out);
        return out;
    }

    public static List<FlatType> flatten(List<ValueType> types) {
        List<FlatType> out = new ArrayList<>();
        for (ValueType t : types) {
            flatten(t, out);
        }
        return out;
    }

    private static void flatten(ValueType t, List<FlatType> out) {
        switch (t) {
            case Primitive p -> {
                switch (p) {
                    case S64, U64 -> out.add(FlatType.I64);
                    case F32 -> out.add(FlatType.F32);
                    case F64 -> out.add(FlatType.F64);
                    case STRING -> {
                        out.add(FlatType.I32);
                        out.add(FlatType.I32);
                    }
                    default -> out.add(FlatType.I32);
                }
            }
            case ValueType.ListType l -> {
                out.add(FlatType.I32);
                out.add(FlatType.I32);
            }
            case ValueType.MapType m -> {
                out.add(FlatType.I32);
                out.add(FlatType.I32);
            }
            case ValueType.FixedListType l -> {
                for (int i = 0; i < l.length(); i++) {
                    flatten(l.element(), out);
                }
            }
            case ValueType.RecordType r -> r.fields().forEach(f -> flatten(f.type(), out));
            case ValueType.TupleType tu -> tu.types().forEach(e -> flatten(e, out));
            case ValueType.FlagsType f -> out.add(FlatType.I32);
            case ValueType.Own o -> out.add(FlatType.I32);
            case ValueType.Borrow b -> out.add(FlatType.I32);
            case ValueType.FutureType f -> out.add(FlatType.I32);
            case ValueType.StreamType s -> out.add(FlatType.I32);
            default -> {
                out.add(FlatType.I32);
                out.addAll(variantPayload(cases(t)));
            }
        }
    }

    /** The joined flat payload of a variant's cases (without the discriminant). */
    static List<FlatType> variantPayload(List<Optional<ValueType>> cases) {
        List<FlatType> flat = new ArrayList<>();
        for (Optional<ValueType> c : cases) {
            if (c.isEmpty()) {
                continue;
            }
            List<FlatType> ft = flatten(c.get());
            for (int i = 0; i < ft.size(); i++) {
                if (i < flat.size()) {
                    flat.set(i, FlatType.join(flat.get(i), ft.get(i)));
                } else {
                    flat.add(ft.get(i));
                }
            }
        }
        return flat;
    }
}
