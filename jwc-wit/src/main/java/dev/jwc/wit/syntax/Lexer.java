package dev.jwc.wit.syntax;

import java.util.ArrayList;
import java.util.List;

/** Splits WIT text into tokens. Whitespace is dropped; comments are kept because they carry docs. */
public final class Lexer {
    private final Source source;
    private final String text;
    private int pos;

    private Lexer(Source source) {
        this.source = source;
        this.text = source.text();
    }

    /** All non-whitespace tokens of {@code source}, comments included, in order. */
    public static List<Token> tokenize(Source source) {
        Lexer lexer = new Lexer(source);
        lexer.rejectInvalidCodePoints();
        return lexer.run();
    }

    private void rejectInvalidCodePoints() {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x202a && cp <= 0x202e || cp >= 0x2066 && cp <= 0x2069) {
                throw source.error(i, "input contains bidirectional override codepoint " + escape(cp));
            }
            if (cp == 0x149 || cp == 0x673 || cp == 0xf77 || cp == 0xf79 || cp == 0x17a3 || cp == 0x17a4
                    || cp == 0x17b4 || cp == 0x17b5) {
                throw source.error(i, "codepoint " + escape(cp) + " is discouraged by Unicode");
            }
            if (Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t') {
                throw source.error(i, "control code " + escape(cp));
            }
            i += Character.charCount(cp);
        }
    }

    private static String escape(int cp) {
        return "'\\u{" + Integer.toHexString(cp) + "}'";
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        if (text.startsWith("\uFEFF")) {
            pos = 1;
        }
        while (pos < text.length()) {
            int start = pos;
            TokenKind kind = next();
            if (kind != TokenKind.WHITESPACE) {
                tokens.add(new Token(kind, start, pos));
            }
        }
        return tokens;
    }

    private boolean eat(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean eatNewline() {
        if (eat('\n')) {
            return true;
        }
        if (pos + 1 < text.length() && text.charAt(pos) == '\r' && text.charAt(pos + 1) == '\n') {
            pos += 2;
            return true;
        }
        return false;
    }

    private TokenKind next() {
        int start = pos;
        if (eatNewline() || eat(' ') || eat('\t')) {
            while (eatNewline() || eat(' ') || eat('\t')) {
                // contiguous whitespace is one token
            }
            return TokenKind.WHITESPACE;
        }
        int cp = text.codePointAt(pos);
        pos += Character.charCount(cp);
        return switch (cp) {
            case '/' -> {
                if (eat('/')) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                    if (pos < text.length()) {
                        pos++;
                    }
                    yield TokenKind.COMMENT;
                }
                if (eat('*')) {
                    blockComment(start);
                    yield TokenKind.COMMENT;
                }
                yield TokenKind.SLASH;
            }
            case '=' -> TokenKind.EQUALS;
            case ',' -> TokenKind.COMMA;
            case ':' -> TokenKind.COLON;
            case '.' -> TokenKind.PERIOD;
            case ';' -> TokenKind.SEMICOLON;
            case '(' -> TokenKind.LEFT_PAREN;
            case ')' -> TokenKind.RIGHT_PAREN;
            case '{' -> TokenKind.LEFT_BRACE;
            case '}' -> TokenKind.RIGHT_BRACE;
            case '<' -> TokenKind.LESS_THAN;
            case '>' -> TokenKind.GREATER_THAN;
            case '*' -> TokenKind.STAR;
            case '@' -> TokenKind.AT;
            case '+' -> TokenKind.PLUS;
            case '-' -> eat('>') ? TokenKind.R_ARROW : TokenKind.MINUS;
            case '%' -> {
                if (pos < text.length() && isKeylikeStart(text.codePointAt(pos))) {
                    pos += Character.charCount(text.codePointAt(pos));
                    skipKeylikeContinue();
                }
                yield TokenKind.EXPLICIT_ID;
            }
            default -> {
                if (cp >= '0' && cp <= '9') {
                    while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
                        pos++;
                    }
                    yield TokenKind.INTEGER;
                }
                if (isKeylikeStart(cp)) {
                    yield wordRest(start);
                }
                throw source.error(start, "unexpected character " + quote(cp));
            }
        };
    }

    private TokenKind wordRest(int start) {
        skipKeylikeContinue();
        return TokenKind.ofWord(text.substring(start, pos));
    }

    private void skipKeylikeContinue() {
        while (pos < text.length()) {
            int cp = text.codePointAt(pos);
            if (!isKeylikeContinue(cp)) {
                return;
            }
            pos += Character.charCount(cp);
        }
    }

    private void blockComment(int start) {
        int depth = 1;
        while (depth > 0) {
            if (pos >= text.length()) {
                throw source.error(start, "unterminated block comment");
            }
            char c = text.charAt(pos++);
            if (c == '/' && eat('*')) {
                depth++;
            } else if (c == '*' && eat('/')) {
                depth--;
            }
        }
    }

    private static String quote(int cp) {
        return switch (cp) {
            case '\r' -> "'\\r'";
            case '\'' -> "'\\''";
            default -> "'" + Character.toString(cp) + "'";
        };
    }

    /** Lexes any identifier start, `_` or `-`; whether the word is a valid id is checked by the parser. */
    private static boolean isKeylikeStart(int cp) {
        return Character.isUnicodeIdentifierStart(cp) || cp == '_' || cp == '-';
    }

    private static boolean isKeylikeContinue(int cp) {
        return (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp)) || cp == '-';
    }

    /**
     * Validates a kebab-case identifier: '-'-separated non-empty parts, the first starting with a letter,
     * each part all lowercase or all uppercase (digits allowed anywhere).
     */
    public static void validateId(Source source, int offset, String id) {
        if (id.isEmpty()) {
            throw source.error(offset, "identifiers must have characters between '-'s");
        }
        String[] parts = id.split("-", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw source.error(offset, "identifiers must have characters between '-'s");
            }
            int first = part.codePointAt(0);
            if (i == 0 && !isAsciiLetter(first)) {
                throw source.error(offset, "invalid character in identifier " + quote(first));
            }
            Boolean upper = null;
            for (int j = 0; j < part.length(); ) {
                int cp = part.codePointAt(j);
                j += Character.charCount(cp);
                if (cp >= '0' && cp <= '9') {
                    continue;
                }
                boolean isUpper = cp >= 'A' && cp <= 'Z';
                boolean isLower = cp >= 'a' && cp <= 'z';
                if (!isUpper && !isLower || upper != null && upper != isUpper) {
                    throw source.error(offset, "invalid character in identifier " + quote(cp));
                }
                upper = isUpper;
            }
        }
    }

    private static boolean isAsciiLetter(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z';
    }
}
