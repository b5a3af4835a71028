package dev.jwc.binary.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive encodings of the WebAssembly binary formats (LEB128 integers, floats, names)
 * from a window of a byte array. Every error is a {@link DecodeException} carrying the absolute offset
 * in the outermost binary, also for sub-readers over nested sections.
 */
public final class ByteReader {
    private final byte[] bytes;
    private final int end;
    private final long base;
    private int pos;

    public ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length, 0);
    }

    private ByteReader(byte[] bytes, int start, int end, long base) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
        this.base = base;
    }

    /** Absolute offset of the next byte. */
    public long offset() {
        return base + pos;
    }

    /** Index of the next byte in the backing array. */
    public int position() {
        return pos;
    }

    public boolean atEnd() {
        return pos >= end;
    }

    public int remaining() {
        return end - pos;
    }

    public DecodeException error(String reason) {
        return new DecodeException(reason, offset());
    }

    public DecodeException errorAt(String reason, long absoluteOffset) {
        return new DecodeException(reason, absoluteOffset);
    }

    /** An independent reader over the same window, starting at this reader's position. */
    public ByteReader fork() {
        return new ByteReader(bytes, pos, end, base);
    }

    /** A reader over the next {@code length} bytes, which this reader skips. */
    public ByteReader slice(int length) {
        if (length < 0 || length > remaining()) {
            throw error("unexpected end-of-file: section or item of " + Integer.toUnsignedString(length)
                    + " bytes exceeds the " + remaining() + " remaining");
        }
        ByteReader sub = new ByteReader(bytes, pos, pos + length, base);
        pos += length;
        return sub;
    }

    public int u8() {
        if (pos >= end) {
            throw error("unexpected end-of-file");
        }
        return bytes[pos++] & 0xff;
    }

    public int peekU8() {
        if (pos >= end) {
            throw error("unexpected end-of-file");
        }
        return bytes[pos] & 0xff;
    }

    public byte[] bytes(int length) {
        if (length < 0 || length > remaining()) {
            throw error("unexpected end-of-file: need " + Integer.toUnsignedString(length) + " bytes, "
                    + remaining() + " remain");
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, pos, out, 0, length);
        pos += length;
        return out;
    }

    /** The unread rest of this window. */
    public byte[] rest() {
        return bytes(remaining());
    }

    /** Unsigned LEB128 of at most 32 bits. */
    public int u32() {
        return (int) unsigned(32);
    }

    /** Unsigned LEB128 of at most 64 bits. */
    public long u64() {
        return unsigned(64);
    }

    /** Signed LEB128 of at most 32 bits. */
    public int s32() {
        return (int) signed(32);
    }

    /** Signed LEB128 of at most 33 bits (block types). */
    public long s33() {
        return signed(33);
    }

    /** Signed LEB128 of at most 64 bits. */
    public long s64() {
        return signed(64);
    }

    /** A u32 used as a length or count, checked against the bytes that could possibly hold it. */
    public int count() {
        long start = offset();
        int n = u32();
        if (Integer.compareUnsigned(n, remaining()) > 0) {
            throw errorAt("unexpected end-of-file: count " + Integer.toUnsignedString(n)
                    + " exceeds the remaining " + remaining() + " bytes", start);
        }
        return n;
    }

    public int f32Bits() {
        int b0 = u8(), b1 = u8(), b2 = u8(), b3 = u8();
        return b0 | b1 << 8 | b2 << 16 | b3 << 24;
    }

    public long f64Bits() {
        long lo = f32Bits() & 0xffffffffL;
        long hi = f32Bits() & 0xffffffffL;
        return lo | hi << 32;
    }

    /** A length-prefixed UTF-8 name; malformed UTF-8 is an error. */
    public String name() {
        long start = offset();
        int length = count();
        byte[] raw = bytes(length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw errorAt("malformed UTF-8 encoding", start);
        }
    }

    private long unsigned(int bits) {
        long start = offset();
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift + 7 > bits && (b & 0x7f) >> (bits - shift) != 0) {
                throw errorAt(b >= 0x80 ? "integer representation too long" : "integer too large", start);
            }
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
            if (shift >= bits) {
                throw errorAt("integer representation too long", start);
            }
        }
    }

    private long signed(int bits) {
        long start = offset();
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
            boolean more = (b & 0x80) != 0;
            if (shift >= bits) {
                // Last byte: the unused high bits must be a sign extension of the value's top bit.
                if (more) {
                    throw errorAt("integer representation too long", start);
                }
                int used = bits - (shift - 7);
                int signAndUnused = (b & 0x7f) >> (used - 1);
                if (signAndUnused != 0 && signAndUnused != (0x7f >> (used - 1))) {
                    throw errorAt("integer too large", start);
                }
                return shift < 64 ? result << (64 - shift) >> (64 - shift) : result;
            }
            if (!more) {
                return shift < 64 ? result << (64 - shift) >> (64 - shift) : result;
            }
        }
    }
}
