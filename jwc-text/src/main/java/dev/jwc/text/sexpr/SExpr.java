package dev.jwc.text.sexpr;

import java.util.Optional;
import dev.jwc.text.Position;
import dev.jwc.text.lex.Token;
import java.util.List;

/** An s-expression of the text format: a list {@code ( ... )}, an annotation {@code (@name ...)} or an atom. */
public sealed interface SExpr {
    /** Where the expression starts. */
    Position position();

    /** A parenthesized list; {@code end} is the position of its closing parenthesis. */
    record SList(List<SExpr> items, Position position, Position end) implements SExpr {
        public SList {
            items = List.copyOf(items);
        }

        /** A cursor over the items, for recursive-descent parsing. */
        public Cursor cursor() {
            return new Cursor(items, end);
        }

        /** The leading keyword, if the first item is one. */
        public Optional<String> head() {
            return !items.isEmpty() && items.get(0) instanceof SAtom(Token.Keyword k)
                    ? Optional.of(k.text())
                    : Optional.empty();
        }
    }

    /** An annotation {@code (@name ...)}: ignored by default, available to parsers that understand it. */
    record SAnnotation(String name, List<SExpr> items, Position position, Position end) implements SExpr {
        public SAnnotation {
            items = List.copyOf(items);
        }

        public Cursor cursor() {
            return new Cursor(items, end);
        }
    }

    /** A single token other than a parenthesis. */
    record SAtom(Token token) implements SExpr {
        public Position position() {
            return token.position();
        }
    }
}
