package dev.jwc.wave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses WAVE tokens into {@link WaveNode}s (untyped), following wasm-wave's grammar and error spans. */
final class Parser {
    /** Deeper nesting is rejected, so hostile input cannot exhaust the stack. */
    static final int MAX_DEPTH = 100;

    private final String src;
    private final Lexer lexer;
    private Token current;
    private int depth;

    Parser(String src, int start) {
        this.src = src;
        this.lexer = new Lexer(src, start);
    }

    /** A whole value, with nothing but whitespace and comments after it. */
    WaveNode parseValue() {
        WaveNode node = parseNode();
        finish();
        return node;
    }

    /** The parenthesized arguments of a call, the {@code (} not yet consumed; empty for {@code ()}. */
    Optional<WaveNode.Tuple> parseArguments() {
        advance();
        expect(TokenKind.PAREN_OPEN);
        Optional<WaveNode.Tuple> args;
        if (nextIs(TokenKind.PAREN_CLOSE)) {
            advance();
            args = Optional.empty();
        } else {
            args = Optional.of(tuple());
        }
        finish();
        return args;
    }

    private void finish() {
        Token next = lexer.next();
        if (next.kind() != TokenKind.END) {
            throw error(WaveException.Kind.TRAILING_CHARACTERS, null, next.span());
        }
    }

    private WaveNode parseNode() {
        if (depth >= MAX_DEPTH) {
            throw error(WaveException.Kind.NESTING_TOO_DEEP, null, current == null ? new Span(0, 0) : current.span());
        }
        depth++;
        try {
            return node();
        } finally {
            depth--;
        }
    }

    private WaveNode node() {
        Token token = advance();
        Span span = token.span();
        return switch (token.kind()) {
            case NUMBER -> new WaveNode.Number(slice(span), span);
            case CHAR -> new WaveNode.Char(slice(span), span);
            case STRING -> new WaveNode.Str(slice(span), false, span);
            case MULTILINE_STRING -> new WaveNode.Str(slice(span), true, span);
            case PAREN_OPEN -> tuple();
            case BRACKET_OPEN -> list();
            case BRACE_OPEN -> recordOrFlags();
            case LABEL_OR_KEYWORD -> switch (slice(span)) {
                case "true" -> new WaveNode.Bool(true, span);
                case "false" -> new WaveNode.Bool(false, span);
                case "inf", "nan" -> new WaveNode.Number(slice(span), span);
                case "some" -> some();
                case "none" -> new WaveNode.None(span);
                case "ok" -> new WaveNode.Ok(optionalPayload(), new Span(span.start(), current.span().end()));
                case "err" -> new WaveNode.Err(optionalPayload(), new Span(span.start(), current.span().end()));
                default -> labelMaybePayload();
            };
            case BRACE_CLOSE, PAREN_CLOSE, BRACKET_CLOSE, COLON, COMMA, END -> throw unexpected();
        };
    }

    private WaveNode.Tuple tuple() {
        int start = current.span().start();
        List<WaveNode> elements = commaSeparated(TokenKind.PAREN_CLOSE);
        Span span = new Span(start, current.span().end());
        if (elements.isEmpty()) {
            throw error(WaveException.Kind.EMPTY_TUPLE, null, span);
        }
        return new WaveNode.Tuple(elements, span);
    }

    private WaveNode list() {
        int start = current.span().start();
        List<WaveNode> elements = commaSeparated(TokenKind.BRACKET_CLOSE);
        return new WaveNode.ListNode(elements, new Span(start, current.span().end()));
    }

    private List<WaveNode> commaSeparated(TokenKind end) {
        List<WaveNode> nodes = new ArrayList<>();
        if (nextIs(end)) {
            advance();
            return nodes;
        }
        while (true) {
            nodes.add(parseNode());
            if (advance().kind() == TokenKind.COMMA) {
                if (nextIs(end)) {
                    advance();
                    return nodes;
                }
            } else {
                expect(end);
                return nodes;
            }
        }
    }

    private WaveNode recordOrFlags() {
        int start = current.span().start();
        advance();
        if (current.kind() == TokenKind.COLON) {
            advance();
            expect(TokenKind.BRACE_CLOSE);
            return new WaveNode.RecordNode(List.of(), new Span(start, current.span().end()));
        }
        if (current.kind() == TokenKind.BRACE_CLOSE) {
            return new WaveNode.Flags(List.of(), new Span(start, current.span().end()));
        }
        return nextIs(TokenKind.COLON) ? record(start) : flags(start);
    }

    private WaveNode record(int start) {
        List<WaveNode.FieldNode> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            WaveNode.Label label = label();
            if (!seen.add(label.name())) {
                throw error(WaveException.Kind.DUPLICATE_FIELD, quoted(label.name()), label.span());
            }
            advance();
            expect(TokenKind.COLON);
            fields.add(new WaveNode.FieldNode(label, parseNode()));
        } while (!atCloseAfterItem());
        return new WaveNode.RecordNode(fields, new Span(start, current.span().end()));
    }

    private WaveNode flags(int start) {
        List<WaveNode.Label> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            WaveNode.Label label = label();
            if (!seen.add(label.name())) {
                throw error(WaveException.Kind.DUPLICATE_FLAG, quoted(label.name()), label.span());
            }
            names.add(label);
        } while (!atCloseAfterItem());
        return new WaveNode.Flags(names, new Span(start, current.span().end()));
    }

    /** After a record field or flag: {@code ,} then another item or {@code }}, or {@code }} directly. */
    private boolean atCloseAfterItem() {
        if (advance().kind() == TokenKind.COMMA) {
            advance();
            return current.kind() == TokenKind.BRACE_CLOSE;
        }
        expect(TokenKind.BRACE_CLOSE);
        return true;
    }

    private WaveNode labelMaybePayload() {
        WaveNode.Label label = label();
        if (!nextIs(TokenKind.PAREN_OPEN)) {
            return label;
        }
        advance();
        WaveNode payload = parseNode();
        advance();
        expect(TokenKind.PAREN_CLOSE);
        return new WaveNode.Case(label, payload, new Span(label.span().start(), current.span().end()));
    }

    private WaveNode some() {
        int start = current.span().start();
        advance();
        expect(TokenKind.PAREN_OPEN);
        WaveNode payload = parseNode();
        advance();
        expect(TokenKind.PAREN_CLOSE);
        return new WaveNode.Some(payload, new Span(start, current.span().end()));
    }

    private Optional<WaveNode> optionalPayload() {
        if (!nextIs(TokenKind.PAREN_OPEN)) {
            return Optional.empty();
        }
        advance();
        WaveNode payload = parseNode();
        advance();
        expect(TokenKind.PAREN_CLOSE);
        return Optional.of(payload);
    }

    private WaveNode.Label label() {
        expect(TokenKind.LABEL_OR_KEYWORD);
        String text = slice(current.span());
        return new WaveNode.Label(text.startsWith("%") ? text.substring(1) : text, current.span());
    }

    private Token advance() {
        current = lexer.next();
        if (current.kind() == TokenKind.END) {
            throw error(WaveException.Kind.UNEXPECTED_END, null, current.span());
        }
        return current;
    }

    /** Whether the next token is {@code kind}; a malformed next token is simply not {@code kind}. */
    private boolean nextIs(TokenKind kind) {
        Lexer probe = new Lexer(src, lexer.position());
        try {
            return probe.next().kind() == kind;
        } catch (WaveException malformed) {
            return false;
        }
    }

    private void expect(TokenKind kind) {
        if (current.kind() != kind) {
            throw unexpected();
        }
    }

    private WaveException unexpected() {
        return error(WaveException.Kind.UNEXPECTED_TOKEN, current.kind().display(), current.span());
    }

    private String slice(Span span) {
        return src.substring(span.start(), span.end());
    }

    private WaveException error(WaveException.Kind kind, String detail, Span span) {
        return new WaveException(kind, detail, span, src);
    }

    static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
