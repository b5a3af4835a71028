package dev.jwc.binary.core.instr;

import java.util.Arrays;
import java.util.List;

/**
 * A sequence of instructions: a function body or a constant expression. The terminating {@code end}
 * of the whole expression is implicit (not in the list); nested blocks keep their own {@code end}s.
 *
 * <p>{@code offsets} holds, when the expression was read from a binary, the absolute byte offset of
 * each instruction, and {@code endOffset} that of the implicit final {@code end}; they locate errors
 * but are not part of the value: {@link #equals} compares instructions only.
 */
public record Expression(List<Instruction> instructions, long[] offsets, long endOffset) {
    public Expression {
        instructions = List.copyOf(instructions);
        offsets = offsets.clone();
        if (offsets.length != 0 && offsets.length != instructions.size()) {
            throw new IllegalArgumentException("need one offset per instruction, or none");
        }
    }

    /** An expression built in memory, without source offsets. */
    public static Expression of(List<Instruction> instructions) {
        return new Expression(instructions, new long[0], -1);
    }

    public static Expression of(Instruction... instructions) {
        return of(List.of(instructions));
    }

    /** The source offset of instruction {@code i}, or -1 when unknown. */
    public long offsetOf(int i) {
        return offsets.length == 0 ? -1 : offsets[i];
    }

    @Override
    public long[] offsets() {
        return offsets.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expression other && instructions.equals(other.instructions);
    }

    @Override
    public int hashCode() {
        return instructions.hashCode();
    }

    @Override
    public String toString() {
        return "Expression" + instructions + (offsets.length == 0 ? "" : " @" + Arrays.toString(offsets));
    }
}
