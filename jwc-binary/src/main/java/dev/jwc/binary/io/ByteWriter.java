package dev.jwc.binary.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes the primitive encodings of the WebAssembly binary formats into a growable buffer. */
public final class ByteWriter {
    private byte[] buf = new byte[64];
    private int size;

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public ByteWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public ByteWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    public ByteWriter u32(int value) {
        return u64(value & 0xffffffffL);
    }

    public ByteWriter u64(long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            u8(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return this;
    }

    public ByteWriter s32(int value) {
        return s64(value);
    }

    public ByteWriter s64(long value) {
        while (true) {
            int b = (int) (value & 0x7f);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    public ByteWriter f32Bits(int bits) {
        return u8(bits).u8(bits >>> 8).u8(bits >>> 16).u8(bits >>> 24);
    }

    public ByteWriter f64Bits(long bits) {
        return f32Bits((int) bits).f32Bits((int) (bits >>> 32));
    }

    public ByteWriter name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return u32(utf8.length).bytes(utf8);
    }

    /** Writes {@code content} prefixed by its length, as sections and nested items are. */
    public ByteWriter sized(ByteWriter content) {
        return u32(content.size).bytes(content.toByteArray());
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
