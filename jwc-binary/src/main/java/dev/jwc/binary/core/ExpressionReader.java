package dev.jwc.binary.core;

import dev.jwc.binary.core.instr.Catch;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.io.ByteReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decodes instruction sequences, tracking block nesting to find the expression's final {@code end}. */
final class ExpressionReader {
    private ExpressionReader() {
    }

    /** Reads instructions up to and including the {@code end} that closes the expression. */
    static Expression read(ByteReader in) {
        List<Instruction> instructions = new ArrayList<>();
        long[] offsets = new long[16];
        int depth = 0;
        while (true) {
            long at = in.offset();
            Instruction instruction = instruction(in);
            Opcode op = instruction.opcode();
            if (op == Opcode.END) {
                if (depth == 0) {
                    return new Expression(instructions, Arrays.copyOf(offsets, instructions.size()), at);
                }
                depth--;
            } else if (op == Opcode.DELEGATE && depth > 0) {
                depth--;
            } else if (opensBlock(op)) {
                depth++;
            }
            if (instructions.size() == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[instructions.size()] = at;
            instructions.add(instruction);
        }
    }

    static boolean opensBlock(Opcode op) {
        return switch (op) {
            case BLOCK, LOOP, IF, TRY, TRY_TABLE -> true;
            default -> false;
        };
    }

    static Instruction instruction(ByteReader in) {
        long start = in.offset();
        int b = in.u8();
        int code = Opcode.isPrefix(b) ? in.u32() : b;
        Opcode op = Opcode.decode(Opcode.isPrefix(b) ? b : 0, code).orElseThrow(() -> in.errorAt(Opcode.isPrefix(b)
                ? "unknown 0x" + Integer.toHexString(b) + " subopcode: 0x" + Integer.toHexString(code)
                : "illegal opcode: 0x" + Integer.toHexString(b), start));
        return new Instruction(op, immediate(in, op, code));
    }

    private static Immediate immediate(ByteReader in, Opcode op, int code) {
        return switch (op.immediateKind()) {
            case NONE -> Immediate.NONE;
            case ATOMIC_FENCE -> {
                long at = in.offset();
                if (in.u8() != 0) {
                    throw in.errorAt("nonzero byte after `atomic.fence`", at);
                }
                yield Immediate.NONE;
            }
            case BLOCK_TYPE -> new Immediate.Block(CoreTypeReader.blockType(in));
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, MEMORY, ELEM, DATA, TAG -> new Immediate.Index(in.u32());
            case LANE -> new Immediate.Index(in.u8());
            case BR_TABLE -> {
                int n = in.count();
                List<Integer> targets = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    targets.add(in.u32());
                }
                yield new Immediate.BrTable(targets, in.u32());
            }
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY, MEMORY_INIT, MEMORY_COPY, STRUCT_FIELD, ARRAY_FIXED,
                 ARRAY_DATA, ARRAY_ELEM, ARRAY_COPY -> {
                int first = in.u32();
                yield new Immediate.Indices(first, in.u32());
            }
            case MEMARG -> memArg(in);
            case MEMARG_LANE -> {
                Immediate.MemArg memArg = memArg(in);
                yield new Immediate.MemArgLane(memArg, in.u8());
            }
            case I32 -> new Immediate.I32(in.s32());
            case I64 -> new Immediate.I64(in.s64());
            case F32 -> new Immediate.F32(in.f32Bits());
            case F64 -> new Immediate.F64(in.f64Bits());
            case V128, SHUFFLE -> new Immediate.V128(in.bytes(16));
            case HEAP_TYPE -> new Immediate.Heap(CoreTypeReader.heapType(in));
            case SELECT_TYPES -> new Immediate.ValTypes(CoreTypeReader.valTypes(in));
            case REF_CAST -> new Immediate.Ref(new RefType(code != op.code(), CoreTypeReader.heapType(in)));
            case BR_ON_CAST -> {
                long at = in.offset();
                int flags = in.u8();
                if ((flags & ~0x03) != 0) {
                    throw in.errorAt("invalid br_on_cast flags: 0x" + Integer.toHexString(flags), at);
                }
                int label = in.u32();
                RefType from = new RefType((flags & 1) != 0, CoreTypeReader.heapType(in));
                RefType to = new RefType((flags & 2) != 0, CoreTypeReader.heapType(in));
                yield new Immediate.BrOnCast(label, from, to);
            }
            case TRY_TABLE -> {
                var type = CoreTypeReader.blockType(in);
                int n = in.count();
                List<Catch> catches = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    long at = in.offset();
                    Catch.Kind kind = Catch.Kind.fromCode(in.u8());
                    if (kind == null) {
                        throw in.errorAt("invalid catch kind", at);
                    }
                    int tag = kind.hasTag() ? in.u32() : 0;
                    catches.add(new Catch(kind, tag, in.u32()));
                }
                yield new Immediate.TryTable(type, catches);
            }
        };
    }

    private static Immediate.MemArg memArg(ByteReader in) {
        long start = in.offset();
        int flags = in.u32();
        int memory = 0;
        if ((flags & 0x40) != 0) {
            flags &= ~0x40;
            memory = in.u32();
        }
        if (Integer.compareUnsigned(flags, 64) >= 0) {
            throw in.errorAt("malformed memop alignment: alignment too large", start);
        }
        return new Immediate.MemArg(flags, memory, in.u64());
    }
}
