package dev.jwc.binary.core.instr;

/** One instruction: its opcode and the immediates its {@link ImmediateKind} calls for. */
public record Instruction(Opcode opcode, Immediate immediate) {
    public Instruction {
        if (!opcode.immediateKind().accepts(immediate)) {
            throw new IllegalArgumentException(opcode.mnemonic() + " takes " + opcode.immediateKind()
                    + " immediates, not " + immediate);
        }
    }

    /** An instruction without immediates. */
    public static Instruction of(Opcode opcode) {
        return new Instruction(opcode, Immediate.NONE);
    }

    public static Instruction index(Opcode opcode, int index) {
        return new Instruction(opcode, new Immediate.Index(index));
    }

    public static Instruction i32Const(int value) {
        return new Instruction(Opcode.I32_CONST, new Immediate.I32(value));
    }

    public static Instruction i64Const(long value) {
        return new Instruction(Opcode.I64_CONST, new Immediate.I64(value));
    }
}
