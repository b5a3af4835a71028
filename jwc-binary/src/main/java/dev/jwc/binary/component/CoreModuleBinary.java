package dev.jwc.binary.component;

import java.util.Arrays;

/**
 * A core module kept as its exact bytes (the core engine consumes them as they are), with the absolute
 * offset at which they start in the outermost binary. The offset is provenance only: two modules with
 * the same bytes are equal wherever they were read.
 */
public record CoreModuleBinary(byte[] bytes, long offset) implements WasmBinary {
    public CoreModuleBinary {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoreModuleBinary other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "CoreModuleBinary[" + bytes.length + " bytes at 0x" + Long.toHexString(offset) + "]";
    }
}
