package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;
import dev.jwc.runtime.core.CoreMemory;
import dev.jwc.types.Val;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** {@code load_string} and {@code store_string} with all encoding pairs and the spec's realloc steps. */
final class Strings {
    static final long UTF16_TAG = 1L << 31;
    static final long MAX_STRING_BYTE_LENGTH = (1L << 28) - 1;

    private Strings() {
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return n;
    }

    static Val.Str loadFromRange(AbiContext cx, int ptr, int taggedCodeUnits) {
        long tagged = Integer.toUnsignedLong(taggedCodeUnits);
        long begin = Integer.toUnsignedLong(ptr);
        int alignment;
        long byteLength;
        String charset;
        switch (cx.opts().encoding()) {
            case UTF8 -> {
                alignment = 1;
                byteLength = tagged;
                charset = "utf8";
            }
            case UTF16 -> {
                alignment = 2;
                byteLength = 2 * tagged;
                charset = "utf16";
            }
            case LATIN1_UTF16 -> {
                alignment = 2;
                if ((tagged & UTF16_TAG) != 0) {
                    byteLength = 2 * (tagged ^ UTF16_TAG);
                    charset = "utf16";
                } else {
                    byteLength = tagged;
                    charset = "latin1";
                }
            }
            default -> throw new IllegalStateException();
        }
        Trap.trapIf(byteLength > MAX_STRING_BYTE_LENGTH, "string content out-of-bounds");
        Trap.trapIf(begin % alignment != 0, "unaligned pointer");
        Trap.trapIf(begin + byteLength > cx.memoryLength(), cx.outOfBounds("string"));
        Val.Str s = new Val.Str(decode(cx.memory(), ptr, (int) byteLength, charset));
        cx.hints().put(s, cx.opts().encoding(), tagged);
        return s;
    }

    private static String decode(CoreMemory memory, int ptr, int length, String charset) {
        return switch (charset) {
            case "latin1" -> memory.decode(ptr, length, StandardCharsets.ISO_8859_1);
            case "utf8" -> {
                // One char per byte and no replacement char means all bytes were ASCII, hence valid;
                // anything else gets the strict check, which words the trap as Wasmtime does.
                String s = memory.decode(ptr, length, StandardCharsets.UTF_8);
                if (s.length() != length || s.indexOf('\uFFFD') >= 0) {
                    Utf8Check.check(memory.readBytes(ptr, length));
                }
                yield s;
            }
            default -> strict(memory.readBytes(ptr, length), StandardCharsets.UTF_16LE.newDecoder(), "invalid utf-16");
        };
    }

    private static String strict(byte[] bytes, CharsetDecoder decoder, String message) {
        try {
            return decoder.onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Trap(message, e);
        }
    }

    /** Stores {@code s} and returns its pointer and tagged code units, as {@code store_string_into_range}. */
    static long[] storeIntoRange(AbiContext cx, Val.Str v) {
        if (cx.opts().encoding() == StringEncoding.UTF8 && !cx.hints().has(v)) {
            return hostToUtf8(cx, v.value());
        }
        StringHints.Hint hint = cx.hints().get(v);
        String src = v.value();
        StringEncoding srcEncoding = hint.encoding();
        long srcTagged = hint.taggedCodeUnits();
        String simple;
        long codeUnits;
        if (srcEncoding == StringEncoding.LATIN1_UTF16) {
            if ((srcTagged & UTF16_TAG) != 0) {
                simple = "utf16";
                codeUnits = srcTagged ^ UTF16_TAG;
            } else {
                simple = "latin1";
                codeUnits = srcTagged;
            }
        } else {
            simple = srcEncoding == StringEncoding.UTF8 ? "utf8" : "utf16";
            codeUnits = srcTagged;
        }
        return switch (cx.opts().encoding()) {
            case UTF8 -> switch (simple) {
                case "utf8" -> src.length() <= Utf8Chunks.CHUNK
                        ? copy(cx, src.getBytes(StandardCharsets.UTF_8), codeUnits, 1, 1)
                        : copyChunks(cx, new Utf8Chunks(src), codeUnits);
                case "utf16" -> toUtf8(cx, src, codeUnits, codeUnits * 3);
                default -> toUtf8(cx, src, codeUnits, codeUnits * 2);
            };
            case UTF16 -> switch (simple) {
                case "utf8" -> utf8ToUtf16(cx, src, codeUnits);
                default -> copy(cx, src.getBytes(StandardCharsets.UTF_16LE), codeUnits, 2, 2);
            };
            case LATIN1_UTF16 -> switch (srcEncoding) {
                case UTF8, UTF16 -> toLatin1OrUtf16(cx, src, codeUnits);
                case LATIN1_UTF16 -> simple.equals("latin1")
                        ? copy(cx, src.getBytes(StandardCharsets.ISO_8859_1), codeUnits, 1, 2)
                        : probablyUtf16ToLatin1OrUtf16(cx, src, codeUnits);
            };
        };
    }

    /** A host string into UTF-8: one allocation of exactly its UTF-8 length, as for a UTF-8 source. */
    private static long[] hostToUtf8(AbiContext cx, String s) {
        if (s.length() <= Utf8Chunks.CHUNK) {
            byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
            return copy(cx, encoded, encoded.length, 1, 1);
        }
        Utf8Chunks chunks = new Utf8Chunks(s);
        return copyChunks(cx, chunks, chunks.length());
    }

    private static long[] copyChunks(AbiContext cx, Utf8Chunks chunks, long length) {
        int ptr = cx.allocate(1, length);
        checkRange(cx, ptr, 1, length);
        chunks.writeTo(cx.memory(), ptr);
        return new long[] {ptr, length};
    }

    private static void checkRange(AbiContext cx, int ptr, int alignment, long length) {
        Trap.trapIf(Integer.toUnsignedLong(ptr) % alignment != 0, "unaligned pointer");
        Trap.trapIf(Integer.toUnsignedLong(ptr) + length > cx.memoryLength(), "string content out-of-bounds");
    }

    private static long[] copy(AbiContext cx, byte[] encoded, long codeUnits, int unitSize, int alignment) {
        long length = unitSize * codeUnits;
        int ptr = cx.allocate(alignment, length);
        checkRange(cx, ptr, alignment, length);
        cx.memory().writeBytes(ptr, encoded);
        return new long[] {ptr, codeUnits};
    }

    private static long[] toUtf8(AbiContext cx, String src, long codeUnits, long worstCase) {
        int ptr = cx.allocate(1, codeUnits);
        checkRange(cx, ptr, 1, codeUnits);
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c < 0x80) {
                cx.memory().writeByte(ptr + i, (byte) c);
                continue;
            }
            ptr = cx.reallocate(ptr, codeUnits, 1, worstCase);
            checkRange(cx, ptr, 1, worstCase);
            byte[] encoded = src.getBytes(StandardCharsets.UTF_8);
            byte[] rest = java.util.Arrays.copyOfRange(encoded, i, encoded.length);
            cx.memory().writeBytes(ptr + i, rest);
            if (worstCase > encoded.length) {
                ptr = cx.reallocate(ptr, worstCase, 1, encoded.length);
                checkRange(cx, ptr, 1, encoded.length);
            }
            return new long[] {ptr, encoded.length};
        }
        return new long[] {ptr, codeUnits};
    }

    private static long[] utf8ToUtf16(AbiContext cx, String src, long codeUnits) {
        long worstCase = 2 * codeUnits;
        int ptr = cx.allocate(2, worstCase);
        checkRange(cx, ptr, 2, worstCase);
        byte[] encoded = src.getBytes(StandardCharsets.UTF_16LE);
        cx.memory().writeBytes(ptr, encoded);
        if (encoded.length < worstCase) {
            ptr = cx.reallocate(ptr, worstCase, 2, encoded.length);
            checkRange(cx, ptr, 2, encoded.length);
        }
        return new long[] {ptr, encoded.length / 2};
    }

    private static long[] toLatin1OrUtf16(AbiContext cx, String src, long codeUnits) {
        int ptr = cx.allocate(2, codeUnits);
        checkRange(cx, ptr, 2, codeUnits);
        int dstLength = 0;
        for (int i = 0; i < src.length(); ) {
            int cp = src.codePointAt(i);
            if (cp < 0x100) {
                cx.memory().writeByte(ptr + dstLength, (byte) cp);
                dstLength++;
                i += Character.charCount(cp);
                continue;
            }
            long worstCase = 2 * codeUnits;
            ptr = cx.reallocate(ptr, codeUnits, 2, worstCase);
            checkRange(cx, ptr, 2, worstCase);
            for (int j = dstLength - 1; j >= 0; j--) {
                cx.memory().writeByte(ptr + 2 * j, cx.memory().readByte(ptr + j));
                cx.memory().writeByte(ptr + 2 * j + 1, (byte) 0);
            }
            byte[] encoded = src.getBytes(StandardCharsets.UTF_16LE);
            cx.memory().writeBytes(ptr + 2 * dstLength,
                    java.util.Arrays.copyOfRange(encoded, 2 * dstLength, encoded.length));
            if (worstCase > encoded.length) {
                ptr = cx.reallocate(ptr, worstCase, 2, encoded.length);
                checkRange(cx, ptr, 2, encoded.length);
            }
            return new long[] {ptr, (encoded.length / 2) | UTF16_TAG};
        }
        if (dstLength < codeUnits) {
            ptr = cx.reallocate(ptr, codeUnits, 2, dstLength);
            checkRange(cx, ptr, 2, dstLength);
        }
        return new long[] {ptr, dstLength};
    }

    private static long[] probablyUtf16ToLatin1OrUtf16(AbiContext cx, String src, long codeUnits) {
        long byteLength = 2 * codeUnits;
        int ptr = cx.allocate(2, byteLength);
        checkRange(cx, ptr, 2, byteLength);
        byte[] encoded = src.getBytes(StandardCharsets.UTF_16LE);
        cx.memory().writeBytes(ptr, encoded);
        if (src.chars().anyMatch(c -> c >= 0x100)) {
            return new long[] {ptr, (encoded.length / 2) | UTF16_TAG};
        }
        int latin1Size = encoded.length / 2;
        for (int i = 0; i < latin1Size; i++) {
            cx.memory().writeByte(ptr + i, cx.memory().readByte(ptr + 2 * i));
        }
        ptr = cx.reallocate(ptr, byteLength, 1, latin1Size);
        checkRange(cx, ptr, 1, latin1Size);
        return new long[] {ptr, latin1Size};
    }
}
