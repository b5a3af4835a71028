package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import dev.jwc.types.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code store} and {@code lower_flat}: {@link Val}s to linear memory and core values. */
public final class Lowering {
    private Lowering() {
    }

    /**
     * {@code lower_flat_values}: spills to memory allocated with realloc when the flat form exceeds
     * {@code maxFlat}, or to {@code outParam} when one is given (a lowered import's return pointer).
     */
    public static long[] lowerFlatValues(AbiContext cx, int maxFlat, List<Val> vs, List<ValueType> types,
            Optional<Integer> outParam) {
        return lowerFlatValues(cx, Layout.flatten(types).size() > maxFlat, vs, types, outParam);
    }

    /** {@code lower_flat_values} with the spill decision precomputed from the function type. */
    public static long[] lowerFlatValues(AbiContext cx, boolean spill, List<Val> vs, List<ValueType> types,
            Optional<Integer> outParam) {
        if (spill) {
            ValueType tuple = new ValueType.TupleType(types);
            int ptr;
            if (outParam.isPresent()) {
                ptr = outParam.get();
                Lifting.checkRange(cx, ptr, Layout.alignment(tuple), Layout.size(tuple), "pointer out of bounds");
            } else {
                ptr = cx.allocate(Layout.alignment(tuple), Layout.size(tuple));
                Lifting.checkRange(cx, ptr, Layout.alignment(tuple), Layout.size(tuple), "pointer out of bounds");
            }
            int offset = ptr;
            for (int i = 0; i < types.size(); i++) {
                ValueType t = types.get(i);
                offset = Layout.alignTo(offset, Layout.alignment(t));
                store(cx, vs.get(i), t, offset);
                offset += Layout.size(t);
            }
            return outParam.isPresent() ? new long[0] : new long[] {ptr};
        }
        List<Long> flat = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            lowerFlat(cx, vs.get(i), types.get(i), flat);
        }
        long[] out = new long[flat.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = flat.get(i);
        }
        return out;
    }

    public static void store(AbiContext cx, Val v, ValueType t, int ptr) {
        var mem = cx.memory();
        switch (t) {
            case Primitive p -> {
                switch (p) {
                    case BOOL -> mem.writeByte(ptr, (byte) (as(v, Val.Bool.class, t).value() ? 1 : 0));
                    case S8 -> mem.writeByte(ptr, as(v, Val.S8.class, t).value());
                    case U8 -> mem.writeByte(ptr, (byte) as(v, Val.U8.class, t).value());
                    case S16 -> mem.writeShort(ptr, as(v, Val.S16.class, t).value());
                    case U16 -> mem.writeShort(ptr, (short) as(v, Val.U16.class, t).value());
                    case S32 -> mem.writeInt(ptr, as(v, Val.S32.class, t).value());
                    case U32 -> mem.writeInt(ptr, (int) as(v, Val.U32.class, t).value());
                    case S64 -> mem.writeLong(ptr, as(v, Val.S64.class, t).value());
                    case U64 -> mem.writeLong(ptr, as(v, Val.U64.class, t).value());
                    case F32 -> mem.writeInt(ptr, f32Bits(as(v, Val.F32.class, t).value()));
                    case F64 -> mem.writeLong(ptr, f64Bits(as(v, Val.F64.class, t).value()));
                    case CHAR -> mem.writeInt(ptr, as(v, Val.Char.class, t).codePoint());
                    case STRING -> {
                        long[] r = Strings.storeIntoRange(cx, as(v, Val.Str.class, t));
                        mem.writeInt(ptr, (int) r[0]);
                        mem.writeInt(ptr + 4, (int) r[1]);
                    }
                    case ERROR_CONTEXT -> throw Lifting.unsupported(t);
                }
            }
            case ValueType.ListType l -> {
                int[] r = storeList(cx, as(v, Val.List.class, t).elements(), l.element());
                mem.writeInt(ptr, r[0]);
                mem.writeInt(ptr + 4, r[1]);
            }
            case ValueType.MapType m -> {
                int[] r = storeList(cx, mapEntries(as(v, Val.Map.class, t)), entry(m));
                mem.writeInt(ptr, r[0]);
                mem.writeInt(ptr + 4, r[1]);
            }
            case ValueType.FixedListType l -> {
                List<Val> es = as(v, Val.FixedList.class, t).elements();
                checkLength(es.size(), l);
                for (int i = 0; i < es.size(); i++) {
                    store(cx, es.get(i), l.element(), ptr + i * Layout.size(l.element()));
                }
            }
            case ValueType.RecordType r -> storeFields(cx, recordValues(v, r), Layout.fields(r), ptr);
            case ValueType.TupleType tu -> storeFields(cx, tupleValues(v, tu), tu.types(), ptr);
            case ValueType.FlagsType f -> {
                int bits = flagBits(as(v, Val.Flags.class, t), f);
                switch (Layout.size(f)) {
                    case 1 -> mem.writeByte(ptr, (byte) bits);
                    case 2 -> mem.writeShort(ptr, (short) bits);
                    default -> mem.writeInt(ptr, bits);
                }
            }
            case ValueType.Own o -> mem.writeInt(ptr, Resources.lowerOwn(cx, as(v, Val.Own.class, t).handle(), o.resource()));
            case ValueType.Borrow b -> mem.writeInt(ptr,
                    Resources.lowerBorrow(cx, as(v, Val.Borrow.class, t).handle(), b.resource()));
            case ValueType.FutureType f -> throw Lifting.unsupported(t);
            case ValueType.StreamType s -> throw Lifting.unsupported(t);
            default -> {
                List<Optional<ValueType>> cases = Layout.cases(t);
                Case c = caseOf(v, t);
                int discSize = Layout.discriminantSize(cases.size());
                switch (discSize) {
                    case 1 -> mem.writeByte(ptr, (byte) c.index());
                    case 2 -> mem.writeShort(ptr, (short) c.index());
                    default -> mem.writeInt(ptr, c.index());
                }
                int at = Layout.alignTo(ptr + discSize, Layout.maxCaseAlignment(cases));
                Optional<ValueType> ct = cases.get(c.index());
                if (ct.isPresent()) {
                    store(cx, c.payload().orElseThrow(() -> mismatch(v, t)), ct.get(), at);
                }
            }
        }
    }

    private static void storeFields(AbiContext cx, List<Val> vs, List<ValueType> types, int ptr) {
        for (int i = 0; i < types.size(); i++) {
            ValueType ft = types.get(i);
            ptr = Layout.alignTo(ptr, Layout.alignment(ft));
            store(cx, vs.get(i), ft, ptr);
            ptr += Layout.size(ft);
        }
    }

    private static int[] storeList(AbiContext cx, List<Val> elements, ValueType element) {
        long bytes = (long) elements.size() * Layout.size(element);
        Trap.trapIf(bytes > Lifting.MAX_LIST_BYTE_LENGTH, "list too long");
        int ptr = cx.allocate(Layout.alignment(element), bytes);
        Lifting.checkRange(cx, ptr, Layout.alignment(element), bytes, "list content out-of-bounds");
        for (int i = 0; i < elements.size(); i++) {
            store(cx, elements.get(i), element, ptr + i * Layout.size(element));
        }
        return new int[] {ptr, elements.size()};
    }

    public static void lowerFlat(AbiContext cx, Val v, ValueType t, List<Long> out) {
        switch (t) {
            case Primitive p -> {
                switch (p) {
                    case STRING -> {
                        long[] r = Strings.storeIntoRange(cx, as(v, Val.Str.class, t));
                        out.add((long) (int) r[0]);
                        out.add((long) (int) r[1]);
                    }
                    case ERROR_CONTEXT -> throw Lifting.unsupported(t);
                    default -> out.add(Scalars.lower(p, v));
                }
            }
            case ValueType.ListType l -> {
                int[] r = storeList(cx, as(v, Val.List.class, t).elements(), l.element());
                out.add((long) r[0]);
                out.add((long) r[1]);
            }
            case ValueType.MapType m -> {
                int[] r = storeList(cx, mapEntries(as(v, Val.Map.class, t)), entry(m));
                out.add((long) r[0]);
                out.add((long) r[1]);
            }
            case ValueType.FixedListType l -> {
                List<Val> es = as(v, Val.FixedList.class, t).elements();
                checkLength(es.size(), l);
                es.forEach(e -> lowerFlat(cx, e, l.element(), out));
            }
            case ValueType.RecordType r -> {
                List<Val> vs = recordValues(v, r);
                for (int i = 0; i < vs.size(); i++) {
                    lowerFlat(cx, vs.get(i), r.fields().get(i).type(), out);
                }
            }
            case ValueType.TupleType tu -> {
                List<Val> vs = tupleValues(v, tu);
                for (int i = 0; i < vs.size(); i++) {
                    lowerFlat(cx, vs.get(i), tu.types().get(i), out);
                }
            }
            case ValueType.FlagsType f -> out.add((long) flagBits(as(v, Val.Flags.class, t), f));
            case ValueType.Own o -> out.add((long) Resources.lowerOwn(cx, as(v, Val.Own.class, t).handle(), o.resource()));
            case ValueType.Borrow b -> out.add(
                    (long) Resources.lowerBorrow(cx, as(v, Val.Borrow.class, t).handle(), b.resource()));
            case ValueType.FutureType f -> throw Lifting.unsupported(t);
            case ValueType.StreamType s -> throw Lifting.unsupported(t);
            default -> {
                List<Optional<ValueType>> cases = Layout.cases(t);
                List<FlatType> joined = Layout.variantPayload(cases);
                Case c = caseOf(v, t);
                out.add((long) c.index());
                Optional<ValueType> ct = cases.get(c.index());
                List<Long> payload = new ArrayList<>();
                List<FlatType> have = List.of();
                if (ct.isPresent()) {
                    lowerFlat(cx, c.payload().orElseThrow(() -> mismatch(v, t)), ct.get(), payload);
                    have = Layout.flatten(ct.get());
                }
                for (int i = 0; i < joined.size(); i++) {
                    if (i >= payload.size()) {
                        out.add(0L);
                    } else if (joined.get(i).is64() && !have.get(i).is64()) {
                        out.add(payload.get(i) & 0xffff_ffffL);
                    } else {
                        out.add(payload.get(i));
                    }
                }
            }
        }
    }

    private record Case(int index, Optional<Val> payload) {
    }

    private static Case caseOf(Val v, ValueType t) {
        return switch (t) {
            case ValueType.VariantType vt -> {
                Val.Variant x = as(v, Val.Variant.class, t);
                int i = vt.indexOf(x.name());
                if (i < 0) {
                    throw mismatch(v, t);
                }
                yield new Case(i, x.payload());
            }
            case ValueType.EnumType e -> {
                int i = e.names().indexOf(as(v, Val.Enum.class, t).name());
                if (i < 0) {
                    throw mismatch(v, t);
                }
                yield new Case(i, Optional.empty());
            }
            case ValueType.OptionType o -> {
                Val.Option x = as(v, Val.Option.class, t);
                yield new Case(x.value().isPresent() ? 1 : 0, x.value());
            }
            case ValueType.ResultType r -> {
                Val.Result x = as(v, Val.Result.class, t);
                yield new Case(x.isOk() ? 0 : 1, x.payload());
            }
            default -> throw mismatch(v, t);
        };
    }

    private static List<Val> recordValues(Val v, ValueType.RecordType r) {
        Val.Record rec = as(v, Val.Record.class, r);
        if (rec.fields().size() != r.fields().size()) {
            throw mismatch(v, r);
        }
        List<Val> out = new ArrayList<>();
        for (ValueType.Field f : r.fields()) {
            out.add(rec.get(f.name()).orElseThrow(() -> mismatch(v, r)));
        }
        return out;
    }

    private static List<Val> tupleValues(Val v, ValueType.TupleType t) {
        List<Val> es = as(v, Val.Tuple.class, t).elements();
        if (es.size() != t.types().size()) {
            throw mismatch(v, t);
        }
        return es;
    }

    private static void checkLength(int n, ValueType.FixedListType l) {
        if (n != l.length()) {
            throw new IllegalArgumentException("expected " + l.length() + " elements, found " + n);
        }
    }

    private static ValueType entry(ValueType.MapType m) {
        return new ValueType.TupleType(List.of(m.key(), m.value()));
    }

    private static List<Val> mapEntries(Val.Map m) {
        return m.entries().stream().map(e -> (Val) new Val.Tuple(List.of(e.key(), e.value()))).toList();
    }

    private static int flagBits(Val.Flags v, ValueType.FlagsType f) {
        int bits = 0;
        for (String name : v.names()) {
            int i = f.names().indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("unknown flag `" + name + "`");
            }
            bits |= 1 << i;
        }
        return bits;
    }

    static int f32Bits(float f) {
        return Float.isNaN(f) ? Lifting.CANONICAL_NAN32 : Float.floatToRawIntBits(f);
    }

    static long f64Bits(double d) {
        return Double.isNaN(d) ? Lifting.CANONICAL_NAN64 : Double.doubleToRawLongBits(d);
    }

    private static <T extends Val> T as(Val v, Class<T> kind, ValueType t) {
        if (!kind.isInstance(v)) {
            throw mismatch(v, t);
        }
        return kind.cast(v);
    }

    private static IllegalArgumentException mismatch(Val v, ValueType t) {
        return new IllegalArgumentException("type mismatch: expected " + t + ", found " + v);
    }
}
