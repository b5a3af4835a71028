package dev.jwc.runtime.abi;

/** A core value type of the flattened Canonical ABI signature. */
public enum FlatType {
    I32, I64, F32, F64;

    /** The Canonical ABI's {@code join}: the flat type that can carry both. */
    static FlatType join(FlatType a, FlatType b) {
        if (a == b) {
            return a;
        }
        if ((a == I32 && b == F32) || (a == F32 && b == I32)) {
            return I32;
        }
        return I64;
    }

    boolean is64() {
        return this == I64 || this == F64;
    }
}
