package dev.jwc.binary.component;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CoreWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * A core module: its exact bytes (the core engine consumes them as they are), the absolute offset at
 * which they start in the outermost binary, and the decoded {@link CoreModule}. The offset is
 * provenance and the module is derived from the bytes, so equality is that of the bytes alone.
 */
public record CoreModuleBinary(byte[] bytes, long offset, CoreModule module) implements WasmBinary {
    public CoreModuleBinary {
        bytes = bytes.clone();
        Objects.requireNonNull(module, "module");
    }

    /** A module built in memory (by the text parser, say), encoded by {@link CoreWriter}. */
    public static CoreModuleBinary of(CoreModule module) {
        return new CoreModuleBinary(CoreWriter.write(module), 0, module);
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
