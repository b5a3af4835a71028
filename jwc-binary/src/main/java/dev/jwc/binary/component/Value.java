package dev.jwc.binary.component;

import java.util.Arrays;

/**
 * A value definition (🪙): its type and the encoded value bytes. Decoding the bytes needs the type's
 * definition, which the validator resolves, so the reader keeps them as they are.
 */
public record Value(ValType type, byte[] encoded) {
    public Value {
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value other && type.equals(other.type) && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Value[" + type + ", " + encoded.length + " bytes]";
    }
}
