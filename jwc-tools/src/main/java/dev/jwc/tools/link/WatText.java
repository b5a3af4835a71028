package dev.jwc.tools.link;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.ValType;
import java.nio.charset.StandardCharsets;

/** Small pieces of WebAssembly text for the modules the linker synthesises. */
final class WatText {
    private WatText() {}

    /** A string literal holding the UTF-8 bytes of {@code s}. */
    static String string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A string literal holding {@code bytes}, printable ASCII as is and everything else escaped. */
    static String bytes(byte[] bytes) {
        StringBuilder b = new StringBuilder("\"");
        for (byte x : bytes) {
            int c = x & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                b.append((char) c);
            } else {
                b.append('\\').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return b.append('"').toString();
    }

    /** {@code (param ...) (result ...)} of a function type. */
    static String signature(FuncType type) {
        StringBuilder b = new StringBuilder();
        if (!type.params().isEmpty()) {
            b.append(" (param");
            type.params().forEach(p -> b.append(' ').append(p.text()));
            b.append(')');
        }
        if (!type.results().isEmpty()) {
            b.append(" (result");
            type.results().forEach(r -> b.append(' ').append(r.text()));
            b.append(')');
        }
        return b.toString();
    }

    /** The text of a value type, as a global's type. */
    static String global(ValType type, boolean mutable) {
        return mutable ? "(mut " + type.text() + ")" : type.text();
    }
}
