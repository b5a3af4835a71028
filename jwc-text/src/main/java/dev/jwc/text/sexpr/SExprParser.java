package dev.jwc.text.sexpr;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.lex.Lexer;
import dev.jwc.text.lex.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds s-expression trees from text, without recursion, and refuses nesting deeper than
 * {@link #MAX_DEPTH} so that recursive-descent parsers over the tree cannot overflow the stack.
 */
public final class SExprParser {
    /** The deepest nesting of lists accepted. */
    public static final int MAX_DEPTH = 1000;

    private SExprParser() {}

    /** The top-level expressions of {@code source}. */
    public static Document parse(String source) {
        Lexer lexer = new Lexer(source);
        Deque<Open> stack = new ArrayDeque<>();
        List<SExpr> top = new ArrayList<>();
        while (lexer.hasNext()) {
            Token t = lexer.next();
            List<SExpr> into = stack.isEmpty() ? top : stack.peek().items;
            switch (t) {
                case Token.LParen p -> push(stack, new Open(null, p.position()));
                case Token.AnnotationStart a -> push(stack, new Open(a.name(), a.position()));
                case Token.RParen r -> {
                    if (stack.isEmpty()) {
                        throw new TextException(r.position(), "unexpected ')'");
                    }
                    Open open = stack.pop();
                    SExpr done = open.annotation == null
                            ? new SExpr.SList(open.items, open.position, r.position())
                            : new SExpr.SAnnotation(open.annotation, open.items, open.position, r.position());
                    (stack.isEmpty() ? top : stack.peek().items).add(done);
                }
                default -> into.add(new SExpr.SAtom(t));
            }
        }
        if (!stack.isEmpty()) {
            throw new TextException(stack.peek().position, "unclosed '('");
        }
        return new Document(top, lexer.position());
    }

    private static void push(Deque<Open> stack, Open open) {
        if (stack.size() >= MAX_DEPTH) {
            throw new TextException(open.position, "nesting deeper than " + MAX_DEPTH);
        }
        stack.push(open);
    }

    private static final class Open {
        final String annotation;
        final Position position;
        final List<SExpr> items = new ArrayList<>();

        Open(String annotation, Position position) {
            this.annotation = annotation;
            this.position = position;
        }
    }

    /** A whole source: its top-level expressions and the position of its end. */
    public record Document(List<SExpr> items, Position end) {
        public Document {
            items = List.copyOf(items);
        }

        public Cursor cursor() {
            return new Cursor(items, end);
        }
    }
}
