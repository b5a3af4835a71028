package dev.jwc.text.wast;

import java.util.Arrays;
import java.util.HexFormat;

/** A core wasm argument; floats are bit patterns, v128 is 16 little-endian bytes. */
public sealed interface CoreValue extends WastValue {
    record I32(int value) implements CoreValue {}

    record I64(long value) implements CoreValue {}

    record F32(int bits) implements CoreValue {}

    record F64(long bits) implements CoreValue {}

    record V128(byte[] bytes) implements CoreValue {
        public V128 {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof V128 v && Arrays.equals(bytes, v.bytes);
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

    /** {@code (ref.null heaptype)}; the heap type as written ({@code func}, {@code extern}, {@code $t}, ...). */
    record RefNull(String heapType) implements CoreValue {}

    record RefExtern(int value) implements CoreValue {}

    record RefHost(int value) implements CoreValue {}
}
