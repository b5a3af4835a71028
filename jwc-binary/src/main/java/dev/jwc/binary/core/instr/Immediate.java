package dev.jwc.binary.core.instr;

import dev.jwc.binary.core.types.BlockType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.ValType;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The immediates of one instruction; which record an opcode uses is given by its {@link ImmediateKind}. */
public sealed interface Immediate {

    None NONE = new None();

    record None() implements Immediate {
    }

    /** One index or lane: label depth, function, type, local, global, table, memory, elem, data, tag, lane. */
    record Index(int value) implements Immediate {
    }

    /** Two indices in binary order, as the opcode's {@link ImmediateKind} documents. */
    record Indices(int first, int second) implements Immediate {
    }

    record Block(BlockType type) implements Immediate {
    }

    record BrTable(List<Integer> targets, int defaultTarget) implements Immediate {
        public BrTable {
            targets = List.copyOf(targets);
        }
    }

    /**
     * A memory access: alignment as the log2 exponent stored in the binary, memory index and offset
     * (64-bit for memory64).
     */
    record MemArg(int alignLog2, int memory, long offset) implements Immediate {
    }

    record MemArgLane(MemArg memArg, int lane) implements Immediate {
    }

    record I32(int value) implements Immediate {
    }

    record I64(long value) implements Immediate {
    }

    /** An f32 constant as its IEEE 754 bits, so NaN payloads survive. */
    record F32(int bits) implements Immediate {
    }

    /** An f64 constant as its IEEE 754 bits, so NaN payloads survive. */
    record F64(long bits) implements Immediate {
    }

    /** Sixteen bytes in binary (little-endian) order: a v128 constant or the lanes of a shuffle. */
    record V128(byte[] bytes) implements Immediate {
        public V128 {
            if (bytes.length != 16) {
                throw new IllegalArgumentException("a v128 immediate has 16 bytes, not " + bytes.length);
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** Byte {@code i}, unsigned. */
        public int byteAt(int i) {
            return bytes[i] & 0xff;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof V128 other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "V128[" + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    record Heap(HeapType type) implements Immediate {
    }

    record ValTypes(List<ValType> types) implements Immediate {
        public ValTypes {
            types = List.copyOf(types);
        }
    }

    record Ref(RefType type) implements Immediate {
    }

    /** {@code br_on_cast}/{@code br_on_cast_fail}: label, operand type, target type. */
    record BrOnCast(int label, RefType from, RefType to) implements Immediate {
    }

    record TryTable(BlockType type, List<Catch> catches) implements Immediate {
        public TryTable {
            catches = List.copyOf(catches);
        }
    }
}
