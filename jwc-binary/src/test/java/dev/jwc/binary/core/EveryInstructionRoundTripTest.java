package dev.jwc.binary.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.core.instr.Catch;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.AbstractHeapKind;
import dev.jwc.binary.core.types.BlockType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.RefType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every instruction of the table, with non-trivial immediates, survives write → read unchanged. */
class EveryInstructionRoundTripTest {

    private static List<Immediate> samples(Opcode op) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) (i * 17);
        }
        RefType concrete = new RefType(true, HeapType.index(0));
        return switch (op.immediateKind()) {
            case NONE, ATOMIC_FENCE -> List.of(Immediate.NONE);
            case BLOCK_TYPE -> List.of(new Immediate.Block(BlockType.EMPTY),
                    new Immediate.Block(new BlockType.Value(NumType.F64)),
                    new Immediate.Block(new BlockType.Value(concrete)),
                    new Immediate.Block(new BlockType.TypeIndex(300)));
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, MEMORY, ELEM, DATA, TAG ->
                    List.of(new Immediate.Index(0), new Immediate.Index(624485));
            case LANE -> List.of(new Immediate.Index(15));
            case BR_TABLE -> List.of(new Immediate.BrTable(List.of(), 0), new Immediate.BrTable(List.of(1, 2, 200), 3));
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY, MEMORY_INIT, MEMORY_COPY, STRUCT_FIELD, ARRAY_FIXED,
                 ARRAY_DATA, ARRAY_ELEM, ARRAY_COPY -> List.of(new Immediate.Indices(0, 0), new Immediate.Indices(129, 7));
            case MEMARG -> List.of(new Immediate.MemArg(0, 0, 0), new Immediate.MemArg(3, 2, 0xFFFF_FFFF_FFL));
            case MEMARG_LANE -> List.of(new Immediate.MemArgLane(new Immediate.MemArg(1, 1, 64), 3));
            case I32 -> List.of(new Immediate.I32(Integer.MIN_VALUE), new Immediate.I32(-1), new Immediate.I32(63));
            case I64 -> List.of(new Immediate.I64(Long.MIN_VALUE), new Immediate.I64(Long.MAX_VALUE));
            case F32 -> List.of(new Immediate.F32(0x7FC0_0001));
            case F64 -> List.of(new Immediate.F64(0xFFF8_0000_0000_0001L));
            case V128, SHUFFLE -> List.of(new Immediate.V128(bytes));
            case HEAP_TYPE -> List.of(new Immediate.Heap(HeapType.of(AbstractHeapKind.NOEXN)),
                    new Immediate.Heap(new HeapType.Abstract(AbstractHeapKind.ANY, true)),
                    new Immediate.Heap(HeapType.index(70000)));
            case SELECT_TYPES -> List.of(new Immediate.ValTypes(List.of(NumType.V128)),
                    new Immediate.ValTypes(List.of(RefType.EXTERNREF, concrete)));
            case REF_CAST -> List.of(new Immediate.Ref(RefType.nonNull(HeapType.of(AbstractHeapKind.I31))),
                    new Immediate.Ref(concrete));
            case BR_ON_CAST -> List.of(new Immediate.BrOnCast(2, RefType.nullable(AbstractHeapKind.ANY),
                    RefType.nonNull(HeapType.index(5))));
            case TRY_TABLE -> List.of(new Immediate.TryTable(new BlockType.Value(NumType.I32), List.of(
                    new Catch(Catch.Kind.CATCH, 1, 0), new Catch(Catch.Kind.CATCH_REF, 2, 1),
                    new Catch(Catch.Kind.CATCH_ALL, 0, 2), new Catch(Catch.Kind.CATCH_ALL_REF, 0, 3))));
        };
    }

    @Test
    void everyOpcodeAndImmediateShapeRoundTrips() {
        List<Instruction> body = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            for (Immediate immediate : samples(op)) {
                body.add(new Instruction(op, immediate));
            }
            // Keep the block structure balanced so the reader finds the expression's end.
            switch (op) {
                case BLOCK, LOOP, IF, TRY, TRY_TABLE -> {
                    for (int i = 0; i < samples(op).size(); i++) {
                        body.add(Instruction.of(Opcode.END));
                    }
                }
                case END -> body.add(new Instruction(Opcode.BLOCK, new Immediate.Block(BlockType.EMPTY)));
                case DELEGATE -> body.add(0, new Instruction(Opcode.TRY, new Immediate.Block(BlockType.EMPTY)));
                default -> {
                }
            }
        }
        CoreModuleBuilder builder = new CoreModuleBuilder();
        int type = builder.addType(FuncType.EMPTY);
        builder.addFunction(type, new FunctionBody(List.of(new Locals(3, NumType.I64)), Expression.of(body)));
        CoreModule module = builder.build();

        byte[] binary = CoreWriter.write(module);
        CoreModule read = CoreReader.read(binary);

        assertThat(read.code().get(0).body().instructions()).containsExactlyElementsOf(body);
        assertThat(read).isEqualTo(module);
        assertThat(CoreWriter.write(read)).isEqualTo(binary);
    }
}
