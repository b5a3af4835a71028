package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import dev.jwc.types.Val;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code load} and {@code lift_flat}: core values and linear memory to {@link Val}s. */
public final class Lifting {
    static final int CANONICAL_NAN32 = 0x7fc00000;
    static final long CANONICAL_NAN64 = 0x7ff8000000000000L;
    static final long MAX_LIST_BYTE_LENGTH = (1L << 28) - 1;

    private Lifting() {
    }

    /** Flat core values read left to right; variants read payloads through it whatever the joined type. */
    public static final class Values {
        private final long[] values;
        private int next;

        public Values(long[] values) {
            this.values = values;
        }

        long next() {
            return values[next++];
        }

        void skip(int n) {
            next += n;
        }
    }

    /** {@code lift_flat_values}: spills to memory when the flat form exceeds {@code maxFlat}. */
    public static List<Val> liftFlatValues(AbiContext cx, int maxFlat, Values vi, List<ValueType> types) {
        return liftFlatValues(cx, Layout.flatten(types).size() > maxFlat, vi, types);
    }

    /** {@code lift_flat_values} with the spill decision precomputed from the function type. */
    public static List<Val> liftFlatValues(AbiContext cx, boolean spill, Values vi, List<ValueType> types) {
        List<Val> out = new ArrayList<>(types.size());
        if (spill) {
            ValueType tuple = new ValueType.TupleType(types);
            int ptr = (int) vi.next();
            checkRange(cx, ptr, Layout.alignment(tuple), Layout.size(tuple), "pointer out of bounds");
            int offset = ptr;
            for (ValueType t : types) {
                offset = Layout.alignTo(offset, Layout.alignment(t));
                out.add(load(cx, offset, t));
                offset += Layout.size(t);
            }
            return out;
        }
        for (ValueType t : types) {
            out.add(liftFlat(cx, vi, t));
        }
        return out;
    }

    static void checkRange(AbiContext cx, int ptr, int alignment, long size, String message) {
        long p = Integer.toUnsignedLong(ptr);
        Trap.trapIf(p % alignment != 0, "unaligned pointer");
        Trap.trapIf(p + size > cx.memoryLength(), message);
    }

    public static Val load(AbiContext cx, int ptr, ValueType t) {
        var mem = cx.memory();
        return switch (t) {
            case Primitive p -> switch (p) {
                case BOOL -> new Val.Bool(mem.readByte(ptr) != 0);
                case S8 -> new Val.S8(mem.readByte(ptr));
                case U8 -> new Val.U8(mem.readByte(ptr) & 0xff);
                case S16 -> new Val.S16(mem.readShort(ptr));
                case U16 -> new Val.U16(mem.readShort(ptr) & 0xffff);
                case S32 -> new Val.S32(mem.readInt(ptr));
                case U32 -> new Val.U32(Integer.toUnsignedLong(mem.readInt(ptr)));
                case S64 -> new Val.S64(mem.readLong(ptr));
                case U64 -> new Val.U64(mem.readLong(ptr));
                case F32 -> f32(mem.readInt(ptr));
                case F64 -> f64(mem.readLong(ptr));
                case CHAR -> character(mem.readInt(ptr));
                case STRING -> Strings.loadFromRange(cx, mem.readInt(ptr), mem.readInt(ptr + 4));
                case ERROR_CONTEXT -> throw unsupported(t);
            };
            case ValueType.ListType l -> loadList(cx, mem.readInt(ptr), mem.readInt(ptr + 4), l.element());
            case ValueType.MapType m -> toMap(loadList(cx, mem.readInt(ptr), mem.readInt(ptr + 4), entry(m)));
            case ValueType.FixedListType l -> new Val.FixedList(loadElements(cx, ptr, l.length(), l.element()));
            case ValueType.RecordType r -> {
                List<Val> vs = loadFields(cx, ptr, Layout.fields(r));
                List<Val.Field> fields = new ArrayList<>();
                for (int i = 0; i < vs.size(); i++) {
                    fields.add(new Val.Field(r.fields().get(i).name(), vs.get(i)));
                }
                yield new Val.Record(fields);
            }
            case ValueType.TupleType tu -> new Val.Tuple(loadFields(cx, ptr, tu.types()));
            case ValueType.FlagsType f -> {
                int size = Layout.size(f);
                long bits = size == 1 ? mem.readByte(ptr) & 0xff : size == 2 ? mem.readShort(ptr) & 0xffff
                        : Integer.toUnsignedLong(mem.readInt(ptr));
                yield flags(f, bits);
            }
            case ValueType.Own o -> Resources.liftOwn(cx, mem.readInt(ptr), o.resource());
            case ValueType.Borrow b -> Resources.liftBorrow(cx, mem.readInt(ptr), b.resource());
            case ValueType.FutureType f -> throw unsupported(t);
            case ValueType.StreamType s -> throw unsupported(t);
            default -> {
                List<Optional<ValueType>> cases = Layout.cases(t);
                int discSize = Layout.discriminantSize(cases.size());
                long index = discSize == 1 ? mem.readByte(ptr) & 0xff : discSize == 2 ? mem.readShort(ptr) & 0xffff
                        : Integer.toUnsignedLong(mem.readInt(ptr));
                Trap.trapIf(index >= cases.size(), "invalid variant discriminant");
                int payloadAt = Layout.alignTo(ptr + discSize, Layout.maxCaseAlignment(cases));
                Optional<ValueType> c = cases.get((int) index);
                Optional<Val> payload = c.map(ct -> load(cx, payloadAt, ct));
                yield variant(t, (int) index, payload);
            }
        };
    }

    private static ValueType entry(ValueType.MapType m) {
        return new ValueType.TupleType(List.of(m.key(), m.value()));
    }

    private static Val toMap(Val list) {
        List<Val.Entry> entries = new ArrayList<>();
        for (Val e : ((Val.List) list).elements()) {
            List<Val> kv = ((Val.Tuple) e).elements();
            entries.add(new Val.Entry(kv.get(0), kv.get(1)));
        }
        return new Val.Map(entries);
    }

    private static List<Val> loadFields(AbiContext cx, int ptr, List<ValueType> types) {
        List<Val> out = new ArrayList<>();
        for (ValueType ft : types) {
            ptr = Layout.alignTo(ptr, Layout.alignment(ft));
            out.add(load(cx, ptr, ft));
            ptr += Layout.size(ft);
        }
        return out;
    }

    private static Val loadList(AbiContext cx, int ptr, int length, ValueType element) {
        long n = Integer.toUnsignedLong(length);
        long bytes = n * Layout.size(element);
        Trap.trapIf(bytes > MAX_LIST_BYTE_LENGTH, "list content out-of-bounds");
        checkRange(cx, ptr, Layout.alignment(element), bytes, cx.outOfBounds("list"));
        return new Val.List(loadElements(cx, ptr, (int) n, element));
    }

    private static List<Val> loadElements(AbiContext cx, int ptr, int n, ValueType element) {
        List<Val> out = new ArrayList<>(n);
        int size = Layout.size(element);
        for (int i = 0; i < n; i++) {
            out.add(load(cx, ptr + i * size, element));
        }
        return out;
    }

    static Val f32(int bits) {
        float f = Float.intBitsToFloat(bits);
        return new Val.F32(Float.isNaN(f) ? Float.intBitsToFloat(CANONICAL_NAN32) : f);
    }

    static Val f64(long bits) {
        double d = Double.longBitsToDouble(bits);
        return new Val.F64(Double.isNaN(d) ? Double.longBitsToDouble(CANONICAL_NAN64) : d);
    }

    static Val character(int i) {
        long u = Integer.toUnsignedLong(i);
        Trap.trapIf(u >= 0x110000 || (u >= 0xd800 && u <= 0xdfff), "invalid `char` bit pattern");
        return new Val.Char(i);
    }

    static Val flags(ValueType.FlagsType f, long bits) {
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < f.names().size(); i++) {
            if ((bits >>> i & 1) != 0) {
                set.add(f.names().get(i));
            }
        }
        return new Val.Flags(set);
    }

    /** The value of case {@code index} of variant-like type {@code t}. */
    static Val variant(ValueType t, int index, Optional<Val> payload) {
        return switch (t) {
            case ValueType.VariantType v -> new Val.Variant(v.cases().get(index).name(), payload);
            case ValueType.EnumType e -> new Val.Enum(e.names().get(index));
            case ValueType.OptionType o -> new Val.Option(index == 0 ? Optional.empty() : payload);
            case ValueType.ResultType r -> new Val.Result(index == 0, payload);
            default -> throw new IllegalArgumentException("not a variant-like type: " + t);
        };
    }

    static Trap unsupported(ValueType t) {
        return new Trap("values of type " + t + " need the async runtime, which is not supported");
    }

    public static Val liftFlat(AbiContext cx, Values vi, ValueType t) {
        return switch (t) {
            case Primitive p -> switch (p) {
                case STRING -> {
                    int ptr = (int) vi.next();
                    yield Strings.loadFromRange(cx, ptr, (int) vi.next());
                }
                case ERROR_CONTEXT -> throw unsupported(t);
                default -> Scalars.lift(p, vi.next());
            };
            case ValueType.ListType l -> {
                int ptr = (int) vi.next();
                yield loadList(cx, ptr, (int) vi.next(), l.element());
            }
            case ValueType.MapType m -> {
                int ptr = (int) vi.next();
                yield toMap(loadList(cx, ptr, (int) vi.next(), entry(m)));
            }
            case ValueType.FixedListType l -> {
                List<Val> out = new ArrayList<>();
                for (int i = 0; i < l.length(); i++) {
                    out.add(liftFlat(cx, vi, l.element()));
                }
                yield new Val.FixedList(out);
            }
            case ValueType.RecordType r -> {
                List<Val.Field> fields = new ArrayList<>();
                for (ValueType.Field f : r.fields()) {
                    fields.add(new Val.Field(f.name(), liftFlat(cx, vi, f.type())));
                }
                yield new Val.Record(fields);
            }
            case ValueType.TupleType tu -> {
                List<Val> out = new ArrayList<>();
                for (ValueType e : tu.types()) {
                    out.add(liftFlat(cx, vi, e));
                }
                yield new Val.Tuple(out);
            }
            case ValueType.FlagsType f -> flags(f, Integer.toUnsignedLong((int) vi.next()));
            case ValueType.Own o -> Resources.liftOwn(cx, (int) vi.next(), o.resource());
            case ValueType.Borrow b -> Resources.liftBorrow(cx, (int) vi.next(), b.resource());
            case ValueType.FutureType f -> throw unsupported(t);
            case ValueType.StreamType s -> throw unsupported(t);
            default -> {
                List<Optional<ValueType>> cases = Layout.cases(t);
                int payloadWidth = Layout.variantPayload(cases).size();
                long index = Integer.toUnsignedLong((int) vi.next());
                Trap.trapIf(index >= cases.size(), "invalid variant discriminant");
                Optional<ValueType> c = cases.get((int) index);
                int used = c.map(ct -> Layout.flatten(ct).size()).orElse(0);
                Optional<Val> payload = c.map(ct -> liftFlat(cx, vi, ct));
                vi.skip(payloadWidth - used);
                yield variant(t, (int) index, payload);
            }
        };
    }
}
