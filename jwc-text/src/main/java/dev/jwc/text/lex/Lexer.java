package dev.jwc.text.lex;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits WebAssembly text into {@link Token}s, skipping white space, {@code ;; line} comments and
 * nested {@code (; block ;)} comments. Maximal runs of identifier characters and strings form one
 * token, classified as keyword, id, number, string or reserved, as the text format specifies.
 */
public final class Lexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    public Lexer(String source) {
        this.src = source;
    }

    /** All tokens of {@code source}. */
    public static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
        List<Token> tokens = new ArrayList<>();
        while (lexer.hasNext()) {
            tokens.add(lexer.next());
        }
        return tokens;
    }

    /** Whether another token follows (skips white space and comments). */
    public boolean hasNext() {
        skipTrivia();
        return pos < src.length();
    }

    /** The position just after the last character consumed (the end, once {@link #hasNext()} is false). */
    public Position position() {
        return new Position(line, pos - lineStart + 1);
    }

    /** The next token; call {@link #hasNext()} first. */
    public Token next() {
        if (!hasNext()) {
            throw new TextException(position(), "unexpected end of input");
        }
        Position at = position();
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            if (pos < src.length() && src.charAt(pos) == '@') {
                pos++;
                return annotationStart(at);
            }
            return new Token.LParen(at);
        }
        if (c == ')') {
            pos++;
            return new Token.RParen(at);
        }
        if (c == '"' || isIdChar(c)) {
            return run(at);
        }
        throw new TextException(at, "unexpected character " + describe(src.codePointAt(pos)));
    }

    private Token annotationStart(Position at) {
        int start = pos;
        if (pos < src.length() && src.charAt(pos) == '"') {
            byte[] name = string();
            return new Token.AnnotationStart(Utf8.decode(name)
                    .orElseThrow(() -> new TextException(at, "malformed UTF-8 encoding in annotation name")), at);
        }
        while (pos < src.length() && isIdChar(src.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new TextException(at, "empty annotation name");
        }
        return new Token.AnnotationStart(src.substring(start, pos), at);
    }

    private Token run(Position at) {
        int start = pos;
        int strings = 0;
        byte[] string = null;
        int stringStart = -1;
        int stringEnd = -1;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                stringStart = pos;
                string = string();
                stringEnd = pos;
                strings++;
            } else if (isIdChar(c)) {
                pos++;
            } else {
                break;
            }
        }
        String text = src.substring(start, pos);
        boolean oneStringAtEnd = strings == 1 && stringEnd == pos;
        if (oneStringAtEnd && stringStart == start) {
            return new Token.StringLiteral(string, text, at);
        }
        if (text.startsWith("$")) {
            if (oneStringAtEnd && stringStart == start + 1) {
                String name = Utf8.decode(string)
                        .orElseThrow(() -> new TextException(at, "malformed UTF-8 encoding in identifier"));
                if (name.isEmpty()) {
                    throw new TextException(at, "empty identifier");
                }
                return new Token.Id(name, at);
            }
            if (strings == 0 && text.length() > 1) {
                return new Token.Id(text.substring(1), at);
            }
            return new Token.Reserved(text, at);
        }
        if (strings > 0) {
            return new Token.Reserved(text, at);
        }
        if (mayBeNumber(text)) {
            if (NumberSyntax.isInteger(text)) {
                return new Token.IntegerLiteral(text, at);
            }
            if (NumberSyntax.isFloat(text)) {
                return new Token.FloatLiteral(text, at);
            }
        }
        if (text.charAt(0) >= 'a' && text.charAt(0) <= 'z') {
            return new Token.Keyword(text, at);
        }
        return new Token.Reserved(text, at);
    }

    /** Reads a string literal at {@code pos} (which is at the opening quote) and returns its bytes. */
    private byte[] string() {
        Position at = position();
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= src.length()) {
                throw new TextException(at, "unterminated string");
            }
            int c = src.codePointAt(pos);
            if (c == '"') {
                pos++;
                return out.toByteArray();
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x20 || c == 0x7f) {
                throw new TextException(position(), "invalid character in string: " + describe(c));
            } else {
                if (Character.isSurrogate((char) c)) {
                    throw new TextException(position(), "invalid character in string: lone surrogate");
                }
                utf8(out, c);
                pos += Character.charCount(c);
            }
        }
    }

    private void escape(ByteArrayOutputStream out) {
        Position at = position();
        pos++;
        if (pos >= src.length()) {
            throw new TextException(at, "unterminated string");
        }
        char c = src.charAt(pos++);
        switch (c) {
            case 'n' -> out.write('\n');
            case 't' -> out.write('\t');
            case 'r' -> out.write('\r');
            case '"' -> out.write('"');
            case '\'' -> out.write('\'');
            case '\\' -> out.write('\\');
            case 'u' -> unicodeEscape(out, at);
            default -> {
                int hi = Character.digit(c, 16);
                int lo = pos < src.length() ? Character.digit(src.charAt(pos), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new TextException(at, "invalid string escape");
                }
                pos++;
                out.write(hi << 4 | lo);
            }
        }
    }

    private void unicodeEscape(ByteArrayOutputStream out, Position at) {
        if (pos >= src.length() || src.charAt(pos) != '{') {
            throw new TextException(at, "invalid unicode escape: expected '{'");
        }
        int close = src.indexOf('}', pos);
        if (close < 0) {
            throw new TextException(at, "invalid unicode escape: expected '}'");
        }
        String hex = src.substring(pos + 1, close);
        if (!NumberSyntax.isHexNum(hex)) {
            throw new TextException(at, "invalid unicode escape: expected hexadecimal digits");
        }
        String digits = hex.replace("_", "");
        long cp = digits.length() > 8 ? Long.MAX_VALUE : Long.parseLong(digits, 16);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new TextException(at, "invalid unicode escape: not a Unicode scalar value");
        }
        utf8(out, (int) cp);
        pos = close + 1;
    }

    private static void utf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
    }

    private void skipTrivia() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == ';' && pos + 1 < src.length() && src.charAt(pos + 1) == ';') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '(' && pos + 1 < src.length() && src.charAt(pos + 1) == ';') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        Position at = position();
        pos += 2;
        int depth = 1;
        while (depth > 0) {
            if (pos >= src.length()) {
                throw new TextException(at, "unterminated block comment");
            }
            char c = src.charAt(pos);
            if (c == '(' && pos + 1 < src.length() && src.charAt(pos + 1) == ';') {
                depth++;
                pos += 2;
            } else if (c == ';' && pos + 1 < src.length() && src.charAt(pos + 1) == ')') {
                depth--;
                pos += 2;
            } else {
                pos++;
                if (c == '\n') {
                    line++;
                    lineStart = pos;
                }
            }
        }
    }

    /** A cheap first test, so that most keywords skip the number grammar. */
    private static boolean mayBeNumber(String text) {
        char c = text.charAt(0);
        return (c >= '0' && c <= '9') || c == '+' || c == '-' || text.startsWith("inf") || text.startsWith("nan");
    }

    /** The identifier characters of the text format. */
    public static boolean isIdChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }

    private static String describe(int cp) {
        return cp >= 0x21 && cp < 0x7f ? "'" + (char) cp + "'" : String.format("U+%04X", cp);
    }
}
