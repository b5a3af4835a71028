package dev.jwc.binary.core;

import dev.jwc.binary.core.instr.Catch;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.ImmediateKind;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.io.ByteWriter;

/** Encodes instruction sequences; the inverse of {@link ExpressionReader}. */
final class ExpressionWriter {
    private ExpressionWriter() {
    }

    /** The instructions followed by the {@code end} that closes the expression. */
    static void write(ByteWriter out, Expression expression) {
        for (Instruction instruction : expression.instructions()) {
            instruction(out, instruction);
        }
        out.u8(Opcode.END.code());
    }

    static void instruction(ByteWriter out, Instruction instruction) {
        Opcode op = instruction.opcode();
        Immediate imm = instruction.immediate();
        int code = op.code();
        if (imm instanceof Immediate.Ref ref && ref.type().nullable()) {
            code++;
        }
        if (op.isPrefixed()) {
            out.u8(op.prefix()).u32(code);
        } else {
            out.u8(code);
        }
        switch (imm) {
            case Immediate.None n -> {
                if (op == Opcode.ATOMIC_FENCE) {
                    out.u8(0);
                }
            }
            case Immediate.Index i -> {
                if (op.immediateKind() == ImmediateKind.LANE) {
                    out.u8(i.value());
                } else {
                    out.u32(i.value());
                }
            }
            case Immediate.Indices i -> out.u32(i.first()).u32(i.second());
            case Immediate.Block b -> CoreTypeWriter.blockType(out, b.type());
            case Immediate.BrTable t -> {
                out.u32(t.targets().size());
                for (int target : t.targets()) {
                    out.u32(target);
                }
                out.u32(t.defaultTarget());
            }
            case Immediate.MemArg m -> memArg(out, m);
            case Immediate.MemArgLane m -> {
                memArg(out, m.memArg());
                out.u8(m.lane());
            }
            case Immediate.I32 c -> out.s32(c.value());
            case Immediate.I64 c -> out.s64(c.value());
            case Immediate.F32 c -> out.f32Bits(c.bits());
            case Immediate.F64 c -> out.f64Bits(c.bits());
            case Immediate.V128 v -> out.bytes(v.bytes());
            case Immediate.Heap h -> CoreTypeWriter.heapType(out, h.type());
            case Immediate.ValTypes t -> CoreTypeWriter.valTypes(out, t.types());
            case Immediate.Ref r -> CoreTypeWriter.heapType(out, r.type().heap());
            case Immediate.BrOnCast b -> {
                out.u8((b.from().nullable() ? 1 : 0) | (b.to().nullable() ? 2 : 0)).u32(b.label());
                CoreTypeWriter.heapType(out, b.from().heap());
                CoreTypeWriter.heapType(out, b.to().heap());
            }
            case Immediate.TryTable t -> {
                CoreTypeWriter.blockType(out, t.type());
                out.u32(t.catches().size());
                for (Catch c : t.catches()) {
                    out.u8(c.kind().code());
                    if (c.kind().hasTag()) {
                        out.u32(c.tag());
                    }
                    out.u32(c.label());
                }
            }
        }
    }

    private static void memArg(ByteWriter out, Immediate.MemArg m) {
        if (m.memory() != 0) {
            out.u32(m.alignLog2() | 0x40).u32(m.memory());
        } else {
            out.u32(m.alignLog2());
        }
        out.u64(m.offset());
    }
}
