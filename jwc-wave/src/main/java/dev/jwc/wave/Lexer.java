package dev.jwc.wave;

/**
 * Splits WAVE text into tokens, skipping whitespace and {@code //} comments. Tokens are the longest match of
 * wasm-wave's token grammar. A malformed char or string literal is reported as an invalid token whose span
 * runs from the literal's start to the start of the last piece the lexer accepted (at least one char); an
 * unterminated single-line string runs to the end of the input. {@code \}{@code u{...}} escapes take any
 * number of hex digits here; whether they name a Unicode scalar value is checked when the literal is decoded,
 * so that the error points at the escape.
 */
final class Lexer {
    private static final int MAX_CHAR_LITERAL_CHARS = 4;

    private final String src;
    private int pos;

    Lexer(String src, int pos) {
        this.src = src;
        this.pos = pos;
    }

    String source() {
        return src;
    }

    int position() {
        return pos;
    }

    /** The next token, or {@code END}; throws {@link WaveException} for text that is no token. */
    Token next() {
        skipTrivia();
        int start = pos;
        if (pos >= src.length()) {
            return new Token(TokenKind.END, new Span(pos, pos));
        }
        char c = src.charAt(pos);
        TokenKind single = switch (c) {
            case '{' -> TokenKind.BRACE_OPEN;
            case '}' -> TokenKind.BRACE_CLOSE;
            case '(' -> TokenKind.PAREN_OPEN;
            case ')' -> TokenKind.PAREN_CLOSE;
            case '[' -> TokenKind.BRACKET_OPEN;
            case ']' -> TokenKind.BRACKET_CLOSE;
            case ':' -> TokenKind.COLON;
            case ',' -> TokenKind.COMMA;
            default -> null;
        };
        if (single != null) {
            pos++;
            return new Token(single, new Span(start, pos));
        }
        if (src.startsWith("\"\"\"", pos)) {
            return multilineString(start);
        }
        if (c == '"') {
            return string(start);
        }
        if (c == '\'') {
            return character(start);
        }
        if (c == '-' || isDigit(c)) {
            return number(start);
        }
        if (c == '%' || isAsciiLetter(c)) {
            return label(start);
        }
        throw invalid(start, start + Character.charCount(src.codePointAt(start)), "unexpected character");
    }

    private void skipTrivia() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                int nl = src.indexOf('\n', pos);
                pos = nl < 0 ? src.length() : nl;
            } else {
                return;
            }
        }
    }

    private Token multilineString(int start) {
        int close = src.indexOf("\"\"\"", start + 3);
        if (close < 0) {
            throw invalid(start, start + 3, "multiline string without closing \"\"\"");
        }
        pos = close + 3;
        return new Token(TokenKind.MULTILINE_STRING, new Span(start, pos));
    }

    private Token string(int start) {
        int i = start + 1;
        int lastPiece = start;
        while (true) {
            if (i >= src.length()) {
                throw invalid(start, src.length(), "unterminated string");
            }
            char c = src.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return new Token(TokenKind.STRING, new Span(start, pos));
            }
            if (c == '\n') {
                throw invalid(start, Math.max(start + 1, lastPiece), "line break in string (write \\n)");
            }
            if (c == '\\') {
                Escape escape = escape(i);
                if (!escape.wellFormed()) {
                    throw invalid(start, Math.max(start + 1, escape.lastPiece()), "malformed escape");
                }
                lastPiece = escape.lastPiece();
                i = escape.end();
            } else {
                lastPiece = i;
                i += Character.charCount(src.codePointAt(i));
            }
        }
    }

    /** A char literal: one escape, or one to four plain chars of which only exactly one is valid. */
    private Token character(int start) {
        int i = start + 1;
        int lastPiece = start;
        if (i < src.length() && src.charAt(i) == '\\') {
            Escape escape = escape(i);
            if (!escape.wellFormed()) {
                throw invalid(start, Math.max(start + 1, escape.lastPiece()), "malformed escape");
            }
            lastPiece = escape.lastPiece();
            i = escape.end();
        } else {
            int count = 0;
            while (i < src.length() && count < MAX_CHAR_LITERAL_CHARS && isPlainChar(src.charAt(i))) {
                lastPiece = i;
                i += Character.charCount(src.codePointAt(i));
                count++;
            }
            if (count == 0) {
                throw invalid(start, start + 1, "empty or unterminated char literal");
            }
        }
        if (i >= src.length() || src.charAt(i) != '\'') {
            throw invalid(start, Math.max(start + 1, lastPiece), "char literal must hold one char");
        }
        pos = i + 1;
        String inner = src.substring(start + 1, i);
        if (!inner.startsWith("\\") && inner.codePointCount(0, inner.length()) != 1) {
            throw invalid(start, pos, "char literal must hold one char");
        }
        return new Token(TokenKind.CHAR, new Span(start, pos));
    }

    private static boolean isPlainChar(char c) {
        return c != '\\' && c != '\'' && c != '\n';
    }

    /**
     * A scanned escape: where it ends ({@code -1} when malformed) and where the last piece the lexer accepted
     * starts ({@code \}{@code u{} counts as one piece, then each hex digit).
     */
    private record Escape(int end, int lastPiece) {
        boolean wellFormed() {
            return end >= 0;
        }
    }

    /** Scans the escape starting with the backslash at {@code i}. */
    private Escape escape(int i) {
        if (i + 1 >= src.length()) {
            return new Escape(-1, i);
        }
        char c = src.charAt(i + 1);
        if ("'\"tnr\\".indexOf(c) >= 0) {
            return new Escape(i + 2, i);
        }
        if (!src.startsWith("u{", i + 1)) {
            return new Escape(-1, i);
        }
        int lastPiece = i;
        int j = i + 3;
        while (j < src.length() && src.charAt(j) < 0x80 && Character.digit(src.charAt(j), 16) >= 0) {
            lastPiece = j;
            j++;
        }
        if (j == i + 3 || j >= src.length() || src.charAt(j) != '}') {
            return new Escape(-1, lastPiece);
        }
        return new Escape(j + 1, i);
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?} or {@code -inf}. */
    private Token number(int start) {
        int i = start;
        if (src.charAt(i) == '-') {
            if (src.startsWith("inf", i + 1)) {
                pos = i + 4;
                return new Token(TokenKind.NUMBER, new Span(start, pos));
            }
            i++;
        }
        if (i >= src.length() || !isDigit(src.charAt(i))) {
            throw invalid(start, start + 1, "malformed number");
        }
        i = src.charAt(i) == '0' ? i + 1 : digitsEnd(i);
        if (i + 1 < src.length() && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
            i = digitsEnd(i + 1);
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < src.length() && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
                j++;
            }
            if (j < src.length() && isDigit(src.charAt(j))) {
                i = digitsEnd(j);
            }
        }
        pos = i;
        return new Token(TokenKind.NUMBER, new Span(start, pos));
    }

    private int digitsEnd(int i) {
        while (i < src.length() && isDigit(src.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * {@code %?} then a first word ({@code [a-z][a-z0-9]*} or {@code [A-Z][A-Z0-9]*}), then any number of
     * {@code -word} with later words {@code [a-z0-9]+} or {@code [A-Z0-9]+}, the longer alternative winning.
     */
    private Token label(int start) {
        int i = start;
        if (src.charAt(i) == '%') {
            i++;
        }
        if (i >= src.length() || !isAsciiLetter(src.charAt(i))) {
            throw invalid(start, start + 1, "malformed label");
        }
        boolean lower = isLower(src.charAt(i));
        i++;
        while (i < src.length() && (isDigit(src.charAt(i)) || (lower ? isLower(src.charAt(i)) : isUpper(src.charAt(i))))) {
            i++;
        }
        while (i + 1 < src.length() && src.charAt(i) == '-') {
            int lowerEnd = wordEnd(i + 1, true);
            int upperEnd = wordEnd(i + 1, false);
            int end = Math.max(lowerEnd, upperEnd);
            if (end == i + 1) {
                break;
            }
            i = end;
        }
        pos = i;
        return new Token(TokenKind.LABEL_OR_KEYWORD, new Span(start, pos));
    }

    private int wordEnd(int i, boolean lower) {
        while (i < src.length() && (isDigit(src.charAt(i)) || (lower ? isLower(src.charAt(i)) : isUpper(src.charAt(i))))) {
            i++;
        }
        return i;
    }

    private WaveException invalid(int start, int end, String hint) {
        return new WaveException(WaveException.Kind.INVALID_TOKEN, null, hint, new Span(start, end), src);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLetter(char c) {
        return isLower(c) || isUpper(c);
    }
}
