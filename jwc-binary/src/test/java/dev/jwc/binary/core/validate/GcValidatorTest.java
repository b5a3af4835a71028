package dev.jwc.binary.core.validate;

import static dev.jwc.binary.core.instr.Instruction.i32Const;
import static dev.jwc.binary.core.instr.Instruction.index;
import static dev.jwc.binary.core.instr.Instruction.of;
import static dev.jwc.binary.core.types.NumType.I32;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CoreModuleBuilder;
import dev.jwc.binary.core.FunctionBody;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.AbstractHeapKind;
import dev.jwc.binary.core.types.BlockType;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.PackedType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typing of the GC instructions: arrays, packed fields, casts, i31 and extern conversions. */
class GcValidatorTest {
    private static final RefType ANYREF = RefType.nullable(AbstractHeapKind.ANY);
    private static final RefType EXTERNREF = RefType.EXTERNREF;

    /** Type 0: a mutable i8 array; type 1: an immutable i32 array; then the function's type. */
    private static CoreModule module(List<ValType> params, List<ValType> results, Instruction... body) {
        CoreModuleBuilder b = new CoreModuleBuilder();
        b.addType(new CompositeType.Array(new FieldType(PackedType.I8, true)));
        b.addType(new CompositeType.Array(new FieldType(I32, false)));
        int f = b.addType(new FuncType(params, results));
        b.addFunction(f, new FunctionBody(List.of(), Expression.of(body)));
        return b.build();
    }

    private static RefType ref(int typeIndex) {
        return new RefType(false, HeapType.index(typeIndex));
    }

    private static void valid(CoreModule module) {
        assertThatCode(() -> CoreValidator.validate(module, Features.defaults())).doesNotThrowAnyException();
    }

    private static void invalid(CoreModule module, String message) {
        assertThatThrownBy(() -> CoreValidator.validate(module, Features.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining(message);
    }

    private static Instruction indices(Opcode op, int first, int second) {
        return new Instruction(op, new Immediate.Indices(first, second));
    }

    @Test
    void arraysOfPackedElementsNeedSignedOrUnsignedGets() {
        valid(module(List.of(ref(0)), List.of(I32), index(Opcode.LOCAL_GET, 0), i32Const(0),
                index(Opcode.ARRAY_GET_U, 0)));
        invalid(module(List.of(ref(0)), List.of(I32), index(Opcode.LOCAL_GET, 0), i32Const(0),
                index(Opcode.ARRAY_GET, 0)), "non-packed storage types");
        invalid(module(List.of(ref(1)), List.of(I32), index(Opcode.LOCAL_GET, 0), i32Const(0),
                index(Opcode.ARRAY_GET_S, 1)), "non-packed storage types");
    }

    @Test
    void immutableArraysCannotBeWritten() {
        valid(module(List.of(ref(0)), List.of(), index(Opcode.LOCAL_GET, 0), i32Const(0), i32Const(7),
                index(Opcode.ARRAY_SET, 0)));
        invalid(module(List.of(ref(1)), List.of(), index(Opcode.LOCAL_GET, 0), i32Const(0), i32Const(7),
                index(Opcode.ARRAY_SET, 1)), "immutable");
        invalid(module(List.of(ref(1), ref(1)), List.of(), index(Opcode.LOCAL_GET, 0), i32Const(0),
                index(Opcode.LOCAL_GET, 1), i32Const(0), i32Const(1), indices(Opcode.ARRAY_COPY, 1, 1)), "immutable");
    }

    @Test
    void newFixedPopsItsOperandsAndLenTakesAnyArray() {
        valid(module(List.of(), List.of(I32), i32Const(1), i32Const(2), indices(Opcode.ARRAY_NEW_FIXED, 1, 2),
                of(Opcode.ARRAY_LEN)));
        invalid(module(List.of(), List.of(I32), i32Const(1), indices(Opcode.ARRAY_NEW_FIXED, 1, 2),
                of(Opcode.ARRAY_LEN)), "type mismatch");
        invalid(module(List.of(), List.of(I32), i32Const(0), indices(Opcode.ARRAY_NEW_FIXED, 5, 0)), "unknown type 5");
    }

    @Test
    void castsStayInTheirHierarchy() {
        valid(module(List.of(ANYREF), List.of(I32), index(Opcode.LOCAL_GET, 0),
                new Instruction(Opcode.REF_TEST, new Immediate.Ref(ref(0)))));
        valid(module(List.of(ANYREF), List.of(ref(1)), index(Opcode.LOCAL_GET, 0),
                new Instruction(Opcode.REF_CAST, new Immediate.Ref(ref(1)))));
        invalid(module(List.of(EXTERNREF), List.of(I32), index(Opcode.LOCAL_GET, 0),
                new Instruction(Opcode.REF_TEST, new Immediate.Ref(ref(0)))), "type mismatch");
    }

    @Test
    void brOnCastBranchesWithTheTargetTypeAndFallsThroughWithTheRest() {
        Instruction cast = new Instruction(Opcode.BR_ON_CAST, new Immediate.BrOnCast(0, ANYREF, ref(1)));
        valid(module(List.of(ANYREF), List.of(ref(1)), new Instruction(Opcode.BLOCK,
                new Immediate.Block(new BlockType.Value(ref(1)))), index(Opcode.LOCAL_GET, 0), cast,
                of(Opcode.UNREACHABLE), of(Opcode.END)));
        Instruction wrongWay = new Instruction(Opcode.BR_ON_CAST, new Immediate.BrOnCast(0, ref(1), ANYREF));
        invalid(module(List.of(ANYREF), List.of(ANYREF), new Instruction(Opcode.BLOCK,
                new Immediate.Block(new BlockType.Value(ANYREF))), index(Opcode.LOCAL_GET, 0), wrongWay,
                of(Opcode.END)), "type mismatch");
    }

    @Test
    void i31AndExternConversions() {
        valid(module(List.of(), List.of(I32), i32Const(5), of(Opcode.REF_I31), of(Opcode.I31_GET_S)));
        valid(module(List.of(EXTERNREF), List.of(EXTERNREF), index(Opcode.LOCAL_GET, 0),
                of(Opcode.ANY_CONVERT_EXTERN), of(Opcode.EXTERN_CONVERT_ANY)));
        invalid(module(List.of(ANYREF), List.of(ANYREF), index(Opcode.LOCAL_GET, 0),
                of(Opcode.ANY_CONVERT_EXTERN)), "type mismatch");
    }

    @Test
    void subtypeChainsAreLimitedInDepth() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        List<SubType> chain = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            chain.add(new SubType(false, i == 0 ? List.of() : List.of(i - 1), new CompositeType.Struct(List.of()),
                    false));
        }
        b.addRecGroup(new RecGroup(chain, true));
        invalid(b.build(), "subtyping depth is too large");
    }
}
