package dev.jwc.binary.core.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;

/**
 * Typing of memory accesses (loads, stores, atomics, vector lane accesses) and vector lane operations:
 * memory index, alignment, offset range and lane bounds, with operand types read off the mnemonics.
 */
final class MemoryOperators {
    private final ModuleContext ctx;
    private final OperandStack stack;

    MemoryOperators(ModuleContext ctx, OperandStack stack) {
        this.ctx = ctx;
        this.stack = stack;
    }

    MemoryType memory(int index) {
        if (index != 0 && !ctx.features.has(Feature.MULTI_MEMORY) && index < ctx.memories.size()) {
            ctx.require(Feature.MULTI_MEMORY, stack.offset());
        }
        return ctx.memory(index, stack.offset());
    }

    void memoryAccess(Opcode op, Immediate.MemArg memArg) {
        NumType address = checkMemArg(op, memArg);
        String name = op.mnemonic();
        NumType value = valueType(name);
        switch (op) {
            case MEMORY_ATOMIC_NOTIFY -> {
                stack.pop(NumType.I32);
                stack.pop(address);
                stack.push(NumType.I32);
            }
            case MEMORY_ATOMIC_WAIT32, MEMORY_ATOMIC_WAIT64 -> {
                stack.pop(NumType.I64);
                stack.pop(op == Opcode.MEMORY_ATOMIC_WAIT32 ? NumType.I32 : NumType.I64);
                stack.pop(address);
                stack.push(NumType.I32);
            }
            default -> {
                if (name.contains(".store")) {
                    stack.pop(value);
                    stack.pop(address);
                } else if (name.contains("cmpxchg")) {
                    stack.pop(value);
                    stack.pop(value);
                    stack.pop(address);
                    stack.push(value);
                } else if (name.contains(".rmw")) {
                    stack.pop(value);
                    stack.pop(address);
                    stack.push(value);
                } else {
                    stack.pop(address);
                    stack.push(value);
                }
            }
        }
    }

    void laneAccess(Opcode op, Immediate.MemArgLane access) {
        NumType address = checkMemArg(op, access.memArg());
        if (access.lane() >= 16 / op.memoryBytes()) {
            throw stack.error("invalid lane index");
        }
        stack.pop(NumType.V128);
        stack.pop(address);
        if (op.mnemonic().startsWith("v128.load")) {
            stack.push(NumType.V128);
        }
    }

    void laneOperation(Opcode op, int lane) {
        String shape = op.mnemonic().substring(0, op.mnemonic().indexOf('.'));
        if (lane >= NumericSignatures.laneCount(shape)) {
            throw stack.error("invalid lane index");
        }
        NumType laneType = NumericSignatures.laneType(shape);
        if (op.mnemonic().contains("replace_lane")) {
            stack.pop(laneType);
            stack.pop(NumType.V128);
            stack.push(NumType.V128);
        } else {
            stack.pop(NumType.V128);
            stack.push(laneType);
        }
    }

    /** Checks memory index, alignment and stack.offset(); returns the memory's address type. */
    private NumType checkMemArg(Opcode op, Immediate.MemArg memArg) {
        MemoryType memory = memory(memArg.memory());
        if (op.isAtomic()) {
            if (memArg.alignLog2() != op.naturalAlignLog2()) {
                throw stack.error("invalid alignment: atomic accesses must be naturally aligned");
            }
        } else if (memArg.alignLog2() > op.naturalAlignLog2()) {
            throw stack.error("alignment must not be larger than natural");
        }
        if (!memory.memory64() && Long.compareUnsigned(memArg.offset(), 0xFFFF_FFFFL) > 0) {
            throw stack.error("stack.offset() out of range: must be <= 2**32");
        }
        return memory.indexType();
    }

    private static NumType valueType(String mnemonic) {
        return switch (mnemonic.substring(0, mnemonic.indexOf('.'))) {
            case "i32" -> NumType.I32;
            case "i64" -> NumType.I64;
            case "f32" -> NumType.F32;
            case "f64" -> NumType.F64;
            default -> NumType.V128;
        };
    }
}
