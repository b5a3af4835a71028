package dev.jwc.runtime.abi;

import dev.jwc.runtime.core.CoreMemory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A long Java string encoded as UTF-8 chunk by chunk through two small buffers that stay in cache, and
 * written straight into guest memory: one string-sized {@code getBytes} array costs more (allocation,
 * cache misses, an extra copy) than the encoding itself. Chunks never split a surrogate pair, so each is
 * encoded on its own; an unpaired surrogate becomes {@code ?}, as {@link String#getBytes} makes it.
 */
final class Utf8Chunks {
    /** Strings up to this many chars are cheaper to encode in one {@code getBytes}. */
    static final int CHUNK = 8192;
    private final String s;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final char[] chars = new char[CHUNK];
    /** Three bytes per char at most: a surrogate pair (two chars) takes four. */
    private final byte[] bytes = new byte[3 * CHUNK];
    private final CharBuffer in = CharBuffer.wrap(chars);
    private final ByteBuffer out = ByteBuffer.wrap(bytes);

    Utf8Chunks(String s) {
        this.s = s;
    }

    /** The UTF-8 length of the string, in bytes. */
    long length() {
        long length = 0;
        for (int start = 0, end; start < s.length(); start = end) {
            end = end(start);
            length += encode(start, end);
        }
        return length;
    }

    /** Writes the whole encoding from {@code address}; the caller has checked the range. */
    void writeTo(CoreMemory memory, int address) {
        for (int start = 0, end; start < s.length(); start = end) {
            end = end(start);
            int n = encode(start, end);
            memory.writeBytes(address, bytes, 0, n);
            address += n;
        }
    }

    private int end(int start) {
        int end = Math.min(s.length(), start + CHUNK);
        return end < s.length() && Character.isHighSurrogate(s.charAt(end - 1)) ? end - 1 : end;
    }

    /** Encodes chars {@code [start, end)} into {@link #bytes} and returns the byte count. */
    private int encode(int start, int end) {
        s.getChars(start, end, chars, 0);
        in.clear().limit(end - start);
        out.clear();
        encoder.reset();
        CoderResult result = encoder.encode(in, out, true);
        encoder.flush(out);
        if (!result.isUnderflow()) {
            throw new IllegalStateException("UTF-8 chunk buffer too small: " + result);
        }
        return out.position();
    }
}
