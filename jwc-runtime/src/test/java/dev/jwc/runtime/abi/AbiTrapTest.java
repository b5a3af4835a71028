package dev.jwc.runtime.abi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.runtime.Resource;
import dev.jwc.runtime.Trap;
import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Every trap the Canonical ABI names, with the message Wasmtime (and the spec tests) use. */
class AbiTrapTest {
    private final TestMemory memory = new TestMemory(1 << 16);
    private final InstanceState inst = new InstanceState(null, InstanceState.newRegistry());

    private AbiContext cx(StringEncoding encoding, boolean host) {
        return new AbiContext(memory.options(encoding), inst, new CallScope(), new StringHints(), host);
    }

    private AbiContext cx() {
        return cx(StringEncoding.UTF8, false);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> traps(Runnable r, String message) {
        return assertThatThrownBy(r::run).isInstanceOf(Trap.class).hasMessageContaining(message);
    }

    private Val liftFlat(ValueType t, long... values) {
        return Lifting.liftFlat(cx(), new Lifting.Values(values), t);
    }

    @Test
    void listPointersMustBeAlignedAndInBounds() {
        ValueType list = new ValueType.ListType(Primitive.U32);
        traps(() -> liftFlat(list, 2, 1), "unaligned pointer");
        traps(() -> liftFlat(list, 65532, 2), "list content out-of-bounds");
        traps(() -> Lifting.liftFlat(cx(StringEncoding.UTF8, true), new Lifting.Values(new long[] {65532, 2}), list),
                "list pointer/length out of bounds of memory");
        traps(() -> liftFlat(list, 0, 1 << 27), "list content out-of-bounds");
    }

    @Test
    void stringsMustBeInBoundsAlignedAndWellFormed() {
        traps(() -> liftFlat(Primitive.STRING, 65535, 2), "string content out-of-bounds");
        traps(() -> Lifting.liftFlat(cx(StringEncoding.UTF8, true), new Lifting.Values(new long[] {0xdeadbeefL, 0}),
                Primitive.STRING), "string pointer/length out of bounds of memory");
        traps(() -> Lifting.liftFlat(cx(StringEncoding.UTF16, false), new Lifting.Values(new long[] {1, 1}),
                Primitive.STRING), "unaligned pointer");
        memory.writeByte(100, (byte) 0xff);
        traps(() -> liftFlat(Primitive.STRING, 100, 1), "invalid utf-8");
        memory.writeByte(100, (byte) 0xe2);
        traps(() -> liftFlat(Primitive.STRING, 100, 1), "incomplete utf-8 byte sequence");
        memory.writeShort(200, (short) 0xd800);
        traps(() -> Lifting.liftFlat(cx(StringEncoding.UTF16, false), new Lifting.Values(new long[] {200, 1}),
                Primitive.STRING), "invalid utf-16");
    }

    @Test
    void charsMustBeScalarValues() {
        traps(() -> liftFlat(Primitive.CHAR, 0xd800), "invalid `char` bit pattern");
        traps(() -> liftFlat(Primitive.CHAR, 0x110000), "invalid `char` bit pattern");
    }

    @Test
    void discriminantsMustNameACase() {
        traps(() -> liftFlat(new ValueType.EnumType(List.of("a", "b")), 2), "invalid variant discriminant");
        traps(() -> liftFlat(new ValueType.OptionType(Primitive.U8), 2, 0), "invalid variant discriminant");
        memory.writeByte(300, (byte) 3);
        traps(() -> Lifting.load(cx(), 300, new ValueType.ResultType(Optional.empty(), Optional.empty())),
                "invalid variant discriminant");
    }

    @Test
    void spilledArgumentsMustBeAlignedAndInBounds() {
        List<ValueType> many = java.util.Collections.nCopies(17, Primitive.U32);
        traps(() -> Lifting.liftFlatValues(cx(), Layout.MAX_FLAT_PARAMS, new Lifting.Values(new long[] {2}), many),
                "unaligned pointer");
        traps(() -> Lifting.liftFlatValues(cx(), Layout.MAX_FLAT_PARAMS, new Lifting.Values(new long[] {65532}), many),
                "out of bounds");
    }

    @Test
    void reallocResultsAreChecked() {
        CoreFunc misaligned = args -> new long[] {2};
        CoreFunc beyond = args -> new long[] {65532};
        ValueType list = new ValueType.ListType(Primitive.U32);
        Val value = Val.list(Val.u32(1), Val.u32(2));
        traps(() -> Lowering.lowerFlat(withRealloc(misaligned, true), value, list, new java.util.ArrayList<>()),
                "realloc return: result not aligned");
        traps(() -> Lowering.lowerFlat(withRealloc(beyond, true), value, list, new java.util.ArrayList<>()),
                "realloc return: beyond end of memory");
        traps(() -> Lowering.lowerFlat(withRealloc(misaligned, false), value, list, new java.util.ArrayList<>()),
                "unaligned pointer");
        traps(() -> Lowering.lowerFlat(withRealloc(beyond, false), value, list, new java.util.ArrayList<>()),
                "list content out-of-bounds");
        traps(() -> Lowering.lowerFlat(withRealloc(beyond, false), Val.string("abcdef"), Primitive.STRING,
                new java.util.ArrayList<>()), "string content out-of-bounds");
    }

    private AbiContext withRealloc(CoreFunc realloc, boolean host) {
        CanonOptions opts = new CanonOptions(StringEncoding.UTF8, Optional.of(memory), Optional.of(realloc), Optional.empty());
        return new AbiContext(opts, inst, new CallScope(), new StringHints(), host);
    }

    @Test
    void handlesMustExistAndHaveTheRightType() {
        ResourceType r = new ResourceType("r");
        ResourceType other = new ResourceType("other");
        inst.resources().put(r, new ResourceImpl(Optional.of(inst), Optional.empty()));
        inst.resources().put(other, new ResourceImpl(Optional.of(inst), Optional.empty()));
        traps(() -> liftFlat(new ValueType.Own(r), 1), "unknown handle index 1");
        long h = ResourceBuiltins.resourceNew(inst, other).call(5)[0];
        traps(() -> liftFlat(new ValueType.Borrow(r), h),
                "handle index 1 used with the wrong type, expected guest-defined resource but found a different guest-defined resource");
        traps(() -> ResourceBuiltins.resourceRep(inst, r).call(h), "used with the wrong type");
        traps(() -> ResourceBuiltins.resourceDrop(inst, r).call(9), "unknown handle index 9");
    }

    @Test
    void lentHandlesCannotBeDroppedOrMoved() {
        ResourceType r = new ResourceType("r");
        inst.resources().put(r, new ResourceImpl(Optional.of(inst), Optional.empty()));
        long h = ResourceBuiltins.resourceNew(inst, r).call(5)[0];
        AbiContext call = cx();
        Lifting.liftFlat(call, new Lifting.Values(new long[] {h}), new ValueType.Borrow(r));
        traps(() -> ResourceBuiltins.resourceDrop(inst, r).call(h), "cannot remove owned resource while borrowed");
        traps(() -> Lifting.liftFlat(cx(), new Lifting.Values(new long[] {h}), new ValueType.Own(r)),
                "cannot remove owned resource while borrowed");
    }

    @Test
    void borrowsMustBeDroppedBeforeReturning() {
        ResourceType r = new ResourceType("r");
        CallScope scope = new CallScope();
        AbiContext callee = new AbiContext(memory.options(StringEncoding.UTF8), inst, scope, new StringHints(), false);
        Lowering.lowerFlat(callee, new Val.Borrow(new Resource(r, 3)), new ValueType.Borrow(r), new java.util.ArrayList<>());
        traps(scope::checkNoBorrows, "borrow handles still remain at the end of the call");
    }

    @Test
    void builtinsTrapWhileTheInstanceMayNotLeave() {
        ResourceType r = new ResourceType("r");
        inst.setMayLeave(false);
        traps(() -> ResourceBuiltins.resourceNew(inst, r).call(1), "cannot leave component instance");
        traps(() -> ResourceBuiltins.resourceDrop(inst, r).call(1), "cannot leave component instance");
    }

    @Test
    void instancesCannotBeReentered() {
        InstanceState child = new InstanceState(inst, inst.resources());
        child.enterFrom(null);
        traps(() -> child.enterFrom(null), "cannot enter component instance");
        traps(() -> inst.enterFrom(null), "cannot enter component instance");
        child.leaveTo(null);
        inst.enterFrom(null);
    }
}
