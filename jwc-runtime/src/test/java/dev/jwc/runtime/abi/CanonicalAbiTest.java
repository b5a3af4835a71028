package dev.jwc.runtime.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.runtime.Resource;
import dev.jwc.runtime.Trap;
import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every value type through store/load and lower_flat/lift_flat, layouts and flattening. */
class CanonicalAbiTest {
    private final TestMemory memory = new TestMemory(1 << 16);
    private final InstanceState inst = new InstanceState(null, InstanceState.newRegistry());

    private AbiContext cx() {
        return new AbiContext(memory.options(StringEncoding.UTF8), inst, new CallScope(), new StringHints(), false);
    }

    static Stream<Arguments> values() {
        ValueType rec = new ValueType.RecordType(List.of(new ValueType.Field("a", Primitive.U8),
                new ValueType.Field("b", Primitive.U64), new ValueType.Field("c", Primitive.STRING)));
        ValueType variant = new ValueType.VariantType(List.of(new ValueType.Case("none", Optional.empty()),
                new ValueType.Case("f", Optional.of(Primitive.F32)), new ValueType.Case("big", Optional.of(Primitive.S64))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("f" + i);
        }
        return Stream.of(
                Arguments.of(Primitive.BOOL, Val.bool(true)),
                Arguments.of(Primitive.S8, Val.s8(-128)),
                Arguments.of(Primitive.U8, Val.u8(255)),
                Arguments.of(Primitive.S16, Val.s16(-32768)),
                Arguments.of(Primitive.U16, Val.u16(65535)),
                Arguments.of(Primitive.S32, Val.s32(Integer.MIN_VALUE)),
                Arguments.of(Primitive.U32, Val.u32(0xffff_ffffL)),
                Arguments.of(Primitive.S64, Val.s64(Long.MIN_VALUE)),
                Arguments.of(Primitive.U64, Val.u64(-1L)),
                Arguments.of(Primitive.F32, Val.f32(1.5f)),
                Arguments.of(Primitive.F64, Val.f64(-2.25)),
                Arguments.of(Primitive.CHAR, Val.character(0x1f600)),
                Arguments.of(Primitive.STRING, Val.string("héllo ☃ 😀")),
                Arguments.of(new ValueType.ListType(Primitive.U16), Val.list(Val.u16(1), Val.u16(2), Val.u16(3))),
                Arguments.of(new ValueType.ListType(Primitive.STRING), Val.list(Val.string("a"), Val.string(""))),
                Arguments.of(new ValueType.FixedListType(Primitive.U32, 3),
                        new Val.FixedList(List.of(Val.u32(1), Val.u32(2), Val.u32(3)))),
                Arguments.of(rec, Val.record(Val.field("a", Val.u8(7)), Val.field("b", Val.u64(9)),
                        Val.field("c", Val.string("x")))),
                Arguments.of(new ValueType.TupleType(List.of(Primitive.BOOL, Primitive.F64)),
                        Val.tuple(Val.bool(false), Val.f64(3.0))),
                Arguments.of(variant, Val.variant("none")),
                Arguments.of(variant, Val.variant("f", Val.f32(0.5f))),
                Arguments.of(variant, Val.variant("big", Val.s64(-5))),
                Arguments.of(new ValueType.EnumType(List.of("a", "b", "c")), Val.enumCase("c")),
                Arguments.of(new ValueType.OptionType(Primitive.STRING), Val.some(Val.string("s"))),
                Arguments.of(new ValueType.OptionType(Primitive.STRING), Val.none()),
                Arguments.of(new ValueType.ResultType(Optional.of(Primitive.U32), Optional.empty()), Val.ok(Val.u32(1))),
                Arguments.of(new ValueType.ResultType(Optional.of(Primitive.U32), Optional.empty()), Val.err()),
                Arguments.of(new ValueType.FlagsType(List.of("x", "y", "z")), Val.flags("x", "z")),
                Arguments.of(new ValueType.FlagsType(many), Val.flags("f0", "f19")),
                Arguments.of(new ValueType.MapType(Primitive.STRING, Primitive.U8),
                        new Val.Map(List.of(new Val.Entry(Val.string("k"), Val.u8(1))))));
    }

    @ParameterizedTest
    @MethodSource("values")
    void storeThenLoadRoundTrips(ValueType type, Val value) {
        int ptr = Layout.alignTo(1024, Layout.alignment(type));
        Lowering.store(cx(), value, type, ptr);
        assertThat(Lifting.load(cx(), ptr, type)).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("values")
    void lowerFlatThenLiftFlatRoundTrips(ValueType type, Val value) {
        List<Long> flat = new ArrayList<>();
        Lowering.lowerFlat(cx(), value, type, flat);
        assertThat(flat).hasSize(Layout.flatten(type).size());
        long[] raw = flat.stream().mapToLong(Long::longValue).toArray();
        assertThat(Lifting.liftFlat(cx(), new Lifting.Values(raw), type)).isEqualTo(value);
    }

    @Test
    void nansAreCanonicalized() {
        List<Long> flat = new ArrayList<>();
        Lowering.lowerFlat(cx(), Val.f32(Float.intBitsToFloat(0x7fc00123)), Primitive.F32, flat);
        assertThat(flat).containsExactly(0x7fc00000L);
        Val lifted = Lifting.liftFlat(cx(), new Lifting.Values(new long[] {0xfff00001L}), Primitive.F32);
        assertThat(Float.floatToRawIntBits(((Val.F32) lifted).value())).isEqualTo(0x7fc00000);
        Val f64 = Lifting.liftFlat(cx(), new Lifting.Values(new long[] {0xfff0000000000001L}), Primitive.F64);
        assertThat(Double.doubleToRawLongBits(((Val.F64) f64).value())).isEqualTo(0x7ff8000000000000L);
    }

    @Test
    void layoutsFollowTheSpec() {
        ValueType rec = new ValueType.RecordType(List.of(new ValueType.Field("a", Primitive.U8),
                new ValueType.Field("b", Primitive.U32), new ValueType.Field("c", Primitive.U8)));
        assertThat(Layout.size(rec)).isEqualTo(12);
        assertThat(Layout.alignment(rec)).isEqualTo(4);
        ValueType opt = new ValueType.OptionType(Primitive.U64);
        assertThat(Layout.size(opt)).isEqualTo(16);
        assertThat(Layout.alignment(opt)).isEqualTo(8);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            labels.add("c" + i);
        }
        assertThat(Layout.size(new ValueType.EnumType(labels))).isEqualTo(2);
        assertThat(Layout.size(new ValueType.FlagsType(labels.subList(0, 9)))).isEqualTo(2);
        assertThat(Layout.size(Primitive.STRING)).isEqualTo(8);
        assertThat(Layout.size(new ValueType.FixedListType(Primitive.U16, 3))).isEqualTo(6);
    }

    @Test
    void variantPayloadsJoinFlatTypes() {
        ValueType v = new ValueType.VariantType(List.of(new ValueType.Case("i", Optional.of(Primitive.S32)),
                new ValueType.Case("f", Optional.of(Primitive.F32))));
        assertThat(Layout.flatten(v)).containsExactly(FlatType.I32, FlatType.I32);
        ValueType w = new ValueType.VariantType(List.of(new ValueType.Case("f", Optional.of(Primitive.F32)),
                new ValueType.Case("l", Optional.of(Primitive.U64))));
        assertThat(Layout.flatten(w)).containsExactly(FlatType.I32, FlatType.I64);
        ValueType d = new ValueType.VariantType(List.of(new ValueType.Case("d", Optional.of(Primitive.F64)),
                new ValueType.Case("f", Optional.of(Primitive.F32))));
        assertThat(Layout.flatten(d)).containsExactly(FlatType.I32, FlatType.I64);
        List<Long> flat = new ArrayList<>();
        Lowering.lowerFlat(cx(), Val.variant("f", Val.f32(-1f)), w, flat);
        assertThat(flat).containsExactly(0L, Integer.toUnsignedLong(Float.floatToRawIntBits(-1f)));
    }

    @Test
    void manyParametersSpillToMemory() {
        List<ValueType> types = new ArrayList<>();
        List<Val> vals = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            types.add(Primitive.U32);
            vals.add(Val.u32(i));
        }
        long[] flat = Lowering.lowerFlatValues(cx(), Layout.MAX_FLAT_PARAMS, vals, types, Optional.empty());
        assertThat(flat).hasSize(1);
        assertThat(Lifting.liftFlatValues(cx(), Layout.MAX_FLAT_PARAMS, new Lifting.Values(flat), types)).isEqualTo(vals);
    }

    @Test
    void resultsBeyondOneFlatValueGoThroughARetptr() {
        List<ValueType> types = List.of(Primitive.STRING);
        long[] none = Lowering.lowerFlatValues(cx(), Layout.MAX_FLAT_RESULTS, List.of(Val.string("ab")), types,
                Optional.of(64));
        assertThat(none).isEmpty();
        assertThat(Lifting.load(cx(), 64, Primitive.STRING)).isEqualTo(Val.string("ab"));
    }

    @Test
    void ownHandlesMoveBetweenTables() {
        ResourceType rt = new ResourceType("r");
        inst.resources().put(rt, new ResourceImpl(Optional.empty(), Optional.empty()));
        List<Long> flat = new ArrayList<>();
        Lowering.lowerFlat(cx(), new Val.Own(new Resource(rt, 42)), new ValueType.Own(rt), flat);
        int handle = flat.get(0).intValue();
        assertThat(handle).isEqualTo(1);
        Val lifted = Lifting.liftFlat(cx(), new Lifting.Values(new long[] {handle}), new ValueType.Own(rt));
        assertThat(lifted).isEqualTo(new Val.Own(new Resource(rt, 42)));
        assertThatThrownBy(() -> inst.handles().get(handle)).isInstanceOf(Trap.class)
                .hasMessage("unknown handle index 1");
    }

    @Test
    void borrowsOfTheDefiningInstancePassTheRep() {
        ResourceType rt = new ResourceType("r");
        inst.resources().put(rt, new ResourceImpl(Optional.of(inst), Optional.empty()));
        List<Long> flat = new ArrayList<>();
        Lowering.lowerFlat(cx(), new Val.Borrow(new Resource(rt, 7)), new ValueType.Borrow(rt), flat);
        assertThat(flat).containsExactly(7L);
    }
}
