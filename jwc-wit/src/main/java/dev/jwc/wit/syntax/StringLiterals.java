package dev.jwc.wit.syntax;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * WIT string literals, which use the core wasm text format's {@code name} syntax: {@code \t \n \r \" \' \\},
 * {@code \hh} (one byte) and backslash-{@code u{h...}} escapes; the bytes written must form valid UTF-8.
 */
public final class StringLiterals {
    private StringLiterals() {}

    /** The value of the literal token spanning {@code [start, end)} of {@code source}, quotes included. */
    public static String decode(Source source, int start, int end) {
        String text = source.text();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = start + 1;
        int last = end - 1;
        while (i < last) {
            int cp = text.codePointAt(i);
            if (cp != '\\') {
                if (cp < 0x20 || cp == 0x7f) {
                    throw source.error(i, "invalid character in string literal");
                }
                bytes.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
                continue;
            }
            int escape = i;
            if (i + 1 >= last) {
                throw source.error(escape, "invalid escape in string literal");
            }
            char c = text.charAt(i + 1);
            i += 2;
            switch (c) {
                case 't' -> bytes.write('\t');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case '"' -> bytes.write('"');
                case '\'' -> bytes.write('\'');
                case '\\' -> bytes.write('\\');
                case 'u' -> {
                    int close = text.indexOf('}', i);
                    if (i >= last || text.charAt(i) != '{' || close < 0 || close >= last || close == i + 1) {
                        throw source.error(escape, "invalid unicode escape in string literal");
                    }
                    int value = hexValue(source, escape, text.substring(i + 1, close));
                    if (value > Character.MAX_CODE_POINT || value >= 0xd800 && value <= 0xdfff) {
                        throw source.error(escape, "invalid unicode scalar value in string literal");
                    }
                    bytes.writeBytes(Character.toString(value).getBytes(StandardCharsets.UTF_8));
                    i = close + 1;
                }
                default -> {
                    if (i >= last) {
                        throw source.error(escape, "invalid escape in string literal");
                    }
                    bytes.write(hexValue(source, escape, text.substring(i - 1, i + 1)));
                    i++;
                }
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw source.error(start, "string literal is not valid UTF-8");
        }
    }

    private static int hexValue(Source source, int escape, String digits) {
        if (digits.length() > 6 || digits.chars().anyMatch(ch -> Character.digit(ch, 16) < 0 || ch > 'f')) {
            throw source.error(escape, "invalid escape in string literal");
        }
        return Integer.parseInt(digits, 16);
    }

    /** {@code value} as a literal that {@link #decode} reads back: quotes, backslashes and controls escaped. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append("\\u{").append(Integer.toHexString(cp)).append('}');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
