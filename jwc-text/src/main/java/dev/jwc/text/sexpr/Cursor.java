package dev.jwc.text.sexpr;

import java.util.BitSet;
import java.util.ArrayList;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.lex.Numbers;
import dev.jwc.text.lex.Token;
import dev.jwc.text.lex.Utf8;
import java.util.List;
import java.util.Optional;

/**
 * Walks the items of one list, left to right, for recursive-descent parsers. Annotations
 * ({@code (@name ...)}) are passed over by every method except {@link #takeAnnotation(String)}, which
 * finds one between the last consumed item and the next, and {@link #annotations()}, which lists those
 * left anywhere in the list.
 * Methods named {@code peek...} look without consuming; {@code take...} consume only on a match and
 * return whether (or what) they consumed; the others consume or throw a {@link TextException}
 * that points at the offending item (or at the list's closing parenthesis when items ran out).
 */
public final class Cursor {
    private final List<SExpr> items;
    private final Position end;
    private int index;
    /** Just past the last item consumed: annotations from here to the next item belong to it. */
    private int consumedUpTo;
    private final BitSet takenAnnotations = new BitSet();

    public Cursor(List<SExpr> items, Position end) {
        this.items = List.copyOf(items);
        this.end = end;
    }

    // ---- position and errors ----

    /** The position of the next item, or of the closing parenthesis when none is left. */
    public Position position() {
        skipAnnotations();
        return index < items.size() ? items.get(index).position() : end;
    }

    /** The closing parenthesis of the list (or the end of the document). */
    public Position end() {
        return end;
    }

    /** An exception at {@link #position()}; throw it. */
    public TextException error(String message) {
        return new TextException(position(), message);
    }

    // ---- generic access ----

    public boolean atEnd() {
        skipAnnotations();
        return index >= items.size();
    }

    /** The next item, not consumed. */
    public Optional<SExpr> peek() {
        return atEnd() ? Optional.empty() : Optional.of(items.get(index));
    }

    /** The item after the next one, not consumed (annotations between are not skipped). */
    public Optional<SExpr> peekSecond() {
        skipAnnotations();
        return index + 1 < items.size() ? Optional.of(items.get(index + 1)) : Optional.empty();
    }

    /** The next item. */
    public SExpr next() {
        if (atEnd()) {
            throw error("unexpected ')'; expected more");
        }
        return consume();
    }

    /** The next token, which must be an atom. */
    public Token nextToken() {
        if (!(peek().orElse(null) instanceof SExpr.SAtom atom)) {
            throw error(atEnd() ? "unexpected end of list" : "expected a token, found a list");
        }
        consume();
        return atom.token();
    }

    /** Throws unless every item was consumed. */
    public void expectEnd() {
        if (!atEnd()) {
            throw error("unexpected " + describe(items.get(index)));
        }
    }

    /** The items not consumed yet (annotations included); consumes them. */
    public List<SExpr> rest() {
        List<SExpr> rest = items.subList(index, items.size());
        index = items.size();
        consumedUpTo = index;
        return rest;
    }

    /** A marker to come back to with {@link #reset(int)}, for the rare parses that need backtracking. */
    public int mark() {
        return index;
    }

    public void reset(int mark) {
        index = mark;
        consumedUpTo = mark;
    }

    // ---- keywords ----

    /** The next item's keyword, if it is one. */
    public Optional<String> peekKeyword() {
        return peek().orElse(null) instanceof SExpr.SAtom(Token.Keyword k) ? Optional.of(k.text()) : Optional.empty();
    }

    public boolean peekKeyword(String keyword) {
        return peekKeyword().filter(keyword::equals).isPresent();
    }

    /** Consumes {@code keyword} if it comes next. */
    public boolean takeKeyword(String keyword) {
        if (peekKeyword(keyword)) {
            consume();
            return true;
        }
        return false;
    }

    /** Consumes the next item, which must be a keyword, and returns it. */
    public String keyword() {
        String k = peekKeyword().orElseThrow(() -> error("expected a keyword" + found()));
        consume();
        return k;
    }

    public void expectKeyword(String keyword) {
        if (!takeKeyword(keyword)) {
            throw error("expected '" + keyword + "'" + found());
        }
    }

    /**
     * Consumes a keyword of the form {@code prefix<u64>} (e.g. {@code offset=16} with prefix
     * {@code offset=}) and returns the number.
     */
    public Optional<Long> takeKeywordValue(String prefix) {
        Optional<String> k = peekKeyword().filter(s -> s.startsWith(prefix));
        if (k.isEmpty()) {
            return Optional.empty();
        }
        Position at = position();
        consume();
        return Optional.of(Numbers.unsigned(k.get().substring(prefix.length()), 64, at));
    }

    // ---- lists ----

    public boolean peekList() {
        return peek().orElse(null) instanceof SExpr.SList;
    }

    /** Whether the next item is a list whose first item is {@code keyword}. */
    public boolean peekList(String keyword) {
        return peek().orElse(null) instanceof SExpr.SList l && l.head().filter(keyword::equals).isPresent();
    }

    /** The head keyword of the next item if that is a list starting with a keyword. */
    public Optional<String> peekListHead() {
        return peek().orElse(null) instanceof SExpr.SList l ? l.head() : Optional.empty();
    }

    /** Consumes the next item, which must be a list, and returns a cursor at its first item. */
    public Cursor list() {
        return listItem().cursor();
    }

    /** Consumes the next item, which must be a list. */
    public SExpr.SList listItem() {
        if (!(peek().orElse(null) instanceof SExpr.SList l)) {
            throw error("expected '('" + found());
        }
        consume();
        return l;
    }

    /** Consumes a list that starts with {@code keyword}; the cursor is past the keyword. */
    public Cursor list(String keyword) {
        if (!peekList(keyword)) {
            throw error("expected '(" + keyword + " ...)'" + found());
        }
        Cursor c = list();
        c.consume();
        return c;
    }

    /** Consumes a list starting with {@code keyword} if one comes next; the cursor is past the keyword. */
    public Optional<Cursor> takeList(String keyword) {
        return peekList(keyword) ? Optional.of(list(keyword)) : Optional.empty();
    }

    // ---- annotations ----

    /**
     * Consumes an annotation {@code (@name ...)} placed between the last consumed item and the next
     * one, if there is one, returning a cursor into it.
     */
    public Optional<Cursor> takeAnnotation(String name) {
        for (int i = consumedUpTo; i < items.size() && items.get(i) instanceof SExpr.SAnnotation a; i++) {
            if (a.name().equals(name) && !takenAnnotations.get(i)) {
                takenAnnotations.set(i);
                return Optional.of(a.cursor());
            }
        }
        return Optional.empty();
    }

    /** Every annotation not consumed yet, in order, wherever it sits among the items; nothing is consumed. */
    public List<SExpr.SAnnotation> annotations() {
        List<SExpr.SAnnotation> found = new ArrayList<>();
        for (int i = consumedUpTo; i < items.size(); i++) {
            if (items.get(i) instanceof SExpr.SAnnotation a && !takenAnnotations.get(i)) {
                found.add(a);
            }
        }
        return found;
    }

    // ---- identifiers ----

    public boolean peekId() {
        return peek().orElse(null) instanceof SExpr.SAtom(Token.Id id);
    }

    /** Consumes an identifier if one comes next. */
    public Optional<Token.Id> takeId() {
        if (peek().orElse(null) instanceof SExpr.SAtom(Token.Id id)) {
            consume();
            return Optional.of(id);
        }
        return Optional.empty();
    }

    public Token.Id id() {
        return takeId().orElseThrow(() -> error("expected an identifier" + found()));
    }

    // ---- strings ----

    public boolean peekString() {
        return peek().orElse(null) instanceof SExpr.SAtom(Token.StringLiteral s);
    }

    /** Consumes a string literal and returns its bytes. */
    public byte[] string() {
        if (!(peek().orElse(null) instanceof SExpr.SAtom(Token.StringLiteral s))) {
            throw error("expected a string" + found());
        }
        consume();
        return s.bytes();
    }

    /** Consumes a string literal that must be valid UTF-8 (a name). */
    public String utf8() {
        Position at = position();
        return Utf8.decode(string()).orElseThrow(() -> new TextException(at, "malformed UTF-8 encoding"));
    }

    public Optional<String> takeUtf8() {
        return peekString() ? Optional.of(utf8()) : Optional.empty();
    }

    // ---- numbers ----

    public boolean peekInteger() {
        return peek().orElse(null) instanceof SExpr.SAtom(Token.IntegerLiteral i);
    }

    /** Whether an integer literal without sign comes next (a {@code uN}). */
    public boolean peekUnsigned() {
        return peek().orElse(null) instanceof SExpr.SAtom(Token.IntegerLiteral i)
                && !i.text().startsWith("+") && !i.text().startsWith("-");
    }

    /** Whether any number (integer or float literal) comes next. */
    public boolean peekNumber() {
        return peek().orElse(null) instanceof SExpr.SAtom a
                && (a.token() instanceof Token.IntegerLiteral || a.token() instanceof Token.FloatLiteral);
    }

    public int u32() {
        Token t = number();
        return (int) Numbers.unsigned(t.source(), 32, t.position());
    }

    public long u64() {
        Token t = number();
        return Numbers.unsigned(t.source(), 64, t.position());
    }

    /** An {@code i32}: signed or unsigned syntax, as a two's complement bit pattern. */
    public int i32() {
        Token t = number();
        return (int) Numbers.integer(t.source(), 32, t.position());
    }

    /** An {@code i64}: signed or unsigned syntax, as a two's complement bit pattern. */
    public long i64() {
        Token t = number();
        return Numbers.integer(t.source(), 64, t.position());
    }

    /** An integer of {@code bits} (8, 16, 32 or 64) as in {@link #i32()}. */
    public long integer(int bits) {
        Token t = number();
        return Numbers.integer(t.source(), bits, t.position());
    }

    /** The bits of an {@code f32} literal (integers are accepted). */
    public int f32() {
        Token t = number();
        return Numbers.f32Bits(t.source(), t.position());
    }

    /** The bits of an {@code f64} literal (integers are accepted). */
    public long f64() {
        Token t = number();
        return Numbers.f64Bits(t.source(), t.position());
    }

    /** Consumes a number literal token. */
    private Token number() {
        if (!peekNumber()) {
            throw error("expected a number" + found());
        }
        return nextToken();
    }

    // ---- helpers ----

    private SExpr consume() {
        SExpr item = items.get(index++);
        consumedUpTo = index;
        return item;
    }

    private void skipAnnotations() {
        while (index < items.size() && items.get(index) instanceof SExpr.SAnnotation) {
            index++; // passed over, not consumed: takeAnnotation can still find it
        }
    }

    private String found() {
        return atEnd() ? ", found ')'" : ", found " + describe(items.get(index));
    }

    /** A short description of an item for messages. */
    public static String describe(SExpr e) {
        return switch (e) {
            case SExpr.SAtom a -> "'" + a.token().source() + "'";
            case SExpr.SList l -> l.head().map(h -> "'(" + h + " ...)'").orElse("'(...)'");
            case SExpr.SAnnotation a -> "'(@" + a.name() + " ...)'";
        };
    }
}
