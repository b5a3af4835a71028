package dev.jwc.text.print;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The text being printed, with wasmprinter's layout model: a group opens with {@code (keyword}, every
 * item starts on a new line indented two spaces per open group, and a group closes on its own line only
 * when its content spanned lines.
 */
final class Out {
    /** Indentation stops growing here, so that deep nesting cannot blow up the output. */
    private static final int MAX_INDENT = 50;

    private final StringBuilder text = new StringBuilder();
    private final Deque<Integer> groupLines = new ArrayDeque<>();
    private int nesting;
    private int line;

    Out open(String keyword) {
        text.append('(').append(keyword);
        nesting++;
        groupLines.push(line);
        return this;
    }

    Out close() {
        nesting--;
        if (groupLines.pop() != line) {
            newline();
        }
        text.append(')');
        return this;
    }

    Out newline() {
        text.append('\n');
        line++;
        text.append("  ".repeat(Math.min(nesting, MAX_INDENT)));
        return this;
    }

    Out text(String s) {
        text.append(s);
        return this;
    }

    Out space() {
        text.append(' ');
        return this;
    }

    /** The number of lines written so far, which tells whether something printed in between. */
    int line() {
        return line;
    }

    int nesting() {
        return nesting;
    }

    /** Adjusts the indentation of instructions inside blocks, which are not groups. */
    void indent(int delta) {
        nesting += delta;
    }

    /** A string literal: printable ASCII as is, every other character as a {@code \\u{hex}} escape. */
    Out string(String s) {
        text.append('"');
        stringContents(s);
        text.append('"');
        return this;
    }

    /** The inside of a string literal or quoted identifier. */
    Out stringContents(String s) {
        s.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                text.append((char) c);
            } else {
                text.append("\\u{").append(Integer.toHexString(c)).append('}');
            }
        });
        return this;
    }

    /** A data string: printable ASCII bytes as is, the others escaped. */
    Out bytes(byte[] bytes) {
        text.append('"');
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                text.append((char) b);
            } else {
                hexByte(b);
            }
        }
        text.append('"');
        return this;
    }

    private void hexByte(byte b) {
        text.append('\\').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
