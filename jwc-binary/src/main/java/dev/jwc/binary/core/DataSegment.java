package dev.jwc.binary.core;

import dev.jwc.binary.core.instr.Expression;
import java.util.Arrays;

/** A data segment: passive, or active into a memory at an offset, and its bytes. */
public record DataSegment(Mode mode, byte[] bytes) {
    public DataSegment {
        bytes = bytes.clone();
    }

    public sealed interface Mode permits Passive, Active {
    }

    public record Passive() implements Mode {
    }

    public record Active(int memory, Expression offset) implements Mode {
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSegment other && mode.equals(other.mode) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return mode.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DataSegment[mode=" + mode + ", " + bytes.length + " bytes]";
    }
}
