package dev.jwc.wave;

/**
 * Decodes char and string literals (already well-formed tokens) into their values, reporting bad escapes
 * and multiline layout errors at their exact source positions.
 */
final class Literals {
    private final String src;

    Literals(String src) {
        this.src = src;
    }

    /** The code point of a char literal node. */
    int character(WaveNode.Char node) {
        Span span = node.span();
        int innerStart = span.start() + 1;
        int innerEnd = span.end() - 1;
        int codePoint;
        int length;
        if (src.charAt(innerStart) == '\\') {
            Escape escape = unescape(innerStart, innerEnd);
            if (escape == null) {
                throw error(WaveException.Kind.INVALID_ESCAPE, null, span);
            }
            codePoint = escape.codePoint();
            length = escape.length();
        } else {
            codePoint = src.codePointAt(innerStart);
            length = Character.charCount(codePoint);
        }
        if (innerStart + length != innerEnd) {
            throw error(WaveException.Kind.MULTIPLE_CHARS, null, span);
        }
        return codePoint;
    }

    /** The value of a string literal node, single-line or multiline. */
    String string(WaveNode.Str node) {
        Span span = node.span();
        return node.multiline()
                ? multiline(span.start() + 3, span.end() - 3)
                : decode(span.start() + 1, span.end() - 1, new StringBuilder()).toString();
    }

    /** Appends the text of {@code [start, end)} with escapes decoded. */
    private StringBuilder decode(int start, int end, StringBuilder out) {
        int i = start;
        while (i < end) {
            char c = src.charAt(i);
            if (c == '\\') {
                Escape escape = unescape(i, end);
                if (escape == null) {
                    throw error(WaveException.Kind.INVALID_ESCAPE, null, new Span(i, i + 1));
                }
                out.appendCodePoint(escape.codePoint());
                i += escape.length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out;
    }

    /**
     * A multiline string's inner text {@code [start, end)}: a line break first, then lines each indented at
     * least as much as the closing delimiter, whose own line holds only spaces; that indent is removed. As in
     * wasm-wave, a bad closing line is reported on the three chars before the closing delimiter.
     */
    private String multiline(int start, int end) {
        int lastBreak = src.lastIndexOf('\n', end - 1);
        if (lastBreak < start) {
            lastBreak = start - 1;
        }
        String indent = src.substring(lastBreak + 1, end);
        if (!indent.chars().allMatch(ch -> ch == ' ')) {
            throw error(WaveException.Kind.INVALID_MULTILINE_STRING,
                    "closing \"\"\" must be on a line preceded only by spaces", new Span(Math.max(start, end - 3), end));
        }
        int firstLineStart = src.startsWith("\r", start) ? start + 1 : start;
        if (lastBreak < start || src.charAt(firstLineStart) != '\n') {
            throw error(WaveException.Kind.INVALID_MULTILINE_STRING,
                    "opening \"\"\" must be followed immediately by newline", new Span(start, start + 1));
        }
        StringBuilder out = new StringBuilder();
        int lineStart = firstLineStart + 1;
        boolean first = true;
        while (lineStart <= lastBreak) {
            int lineEnd = src.indexOf('\n', lineStart);
            if (!first) {
                out.append('\n');
            }
            first = false;
            if (!src.startsWith(indent, lineStart)) {
                throw error(WaveException.Kind.INVALID_MULTILINE_STRING,
                        "lines must be indented at least as much as closing \"\"\"", new Span(lineStart, lineStart + 1));
            }
            int contentEnd = lineEnd > lineStart && src.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            decode(lineStart + indent.length(), Math.max(contentEnd, lineStart + indent.length()), out);
            lineStart = lineEnd + 1;
        }
        return out.toString();
    }

    /** A decoded escape: the code point it stands for and how many chars it takes. */
    private record Escape(int codePoint, int length) {
    }

    /**
     * Decodes the escape at {@code i} (a backslash, within {@code [i, end)}), or returns null when it is no
     * valid escape: unknown letter, no or more than six hex digits, or not a Unicode scalar value.
     */
    private Escape unescape(int i, int end) {
        if (i + 1 >= end) {
            return null;
        }
        if (src.charAt(i + 1) == 'u') {
            return unicodeEscape(i, end);
        }
        int codePoint = switch (src.charAt(i + 1)) {
            case '\\' -> '\\';
            case '\'' -> '\'';
            case '"' -> '"';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            default -> -1;
        };
        return codePoint < 0 ? null : new Escape(codePoint, 2);
    }

    /** {@code \}{@code u{hex}} at {@code i}, with one to six hex digits naming a Unicode scalar value. */
    private Escape unicodeEscape(int i, int end) {
        if (i + 2 >= end || src.charAt(i + 2) != '{') {
            return null;
        }
        int value = 0;
        int digits = 0;
        int j = i + 3;
        while (true) {
            if (j >= end) {
                return null;
            }
            char c = src.charAt(j);
            if (c == '}') {
                break;
            }
            int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0 || ++digits > 6) {
                return null;
            }
            value = (value << 4) | digit;
            j++;
        }
        if (digits == 0 || value > Character.MAX_CODE_POINT || (value >= 0xd800 && value <= 0xdfff)) {
            return null;
        }
        return new Escape(value, digits + 4);
    }

    private WaveException error(WaveException.Kind kind, String detail, Span span) {
        return new WaveException(kind, detail, span, src);
    }
}
