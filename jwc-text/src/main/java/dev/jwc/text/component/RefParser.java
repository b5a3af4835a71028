package dev.jwc.text.component;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import java.util.ArrayList;
import java.util.List;

/** Index references: {@code $id} or a number, with the export-name sugar and the core forms. */
final class RefParser {
    private RefParser() {
    }


    /** {@code $id} or a u32, followed by export names (the alias sugar). */
    static Ref ref(Cursor c) {
        Position at = c.position();
        Ref base;
        if (c.peekId()) {
            base = new Ref.Named(c.id().name(), at, List.of());
        } else if (c.peekUnsigned()) {
            base = new Ref.Numbered(c.u32(), at, List.of());
        } else {
            throw c.error("expected an index or identifier");
        }
        List<String> names = new ArrayList<>();
        while (c.peekString()) {
            names.add(c.utf8());
        }
        return names.isEmpty() ? base : switch (base) {
            case Ref.Named n -> new Ref.Named(n.name(), at, names);
            case Ref.Numbered n -> new Ref.Numbered(n.index(), at, names);
            case Ref.Generated g -> g;
        };
    }

    /** Whether {@code (type idx)} (a reference, not a type declarator) comes next. */
    static boolean peekTypeRef(Cursor c) {
        return c.peek().orElse(null) instanceof SExpr.SList l
                && l.head().filter("type"::equals).isPresent() && l.items().size() == 2
                && l.items().get(1) instanceof SExpr.SAtom(var t)
                && (t instanceof Token.Id || t instanceof Token.IntegerLiteral);
    }

    static boolean peekRef(Cursor c) {
        return c.peekId() || c.peekUnsigned();
    }

    /**
     * A core item reference where the sort is implied (canonical options, destructors, built-in
     * operands): {@code idx} or {@code (core sort idx "name"?)}. The legacy forms {@code idx "name"} and
     * {@code (sort idx "name"?)} are accepted only with {@link IndexSyntax#LEGACY}, as in wasm-tools.
     */
    static Ref coreRef(Cursor c, String sort, IndexSyntax syntax) {
        if (c.peekList("core")) {
            Cursor l = c.list("core");
            l.expectKeyword(sort);
            Ref r = ref(l);
            l.expectEnd();
            return r;
        }
        if (c.peekList(sort)) {
            Position inner = ((SExpr.SList) c.peek().orElseThrow()).items().get(0).position();
            if (syntax == IndexSyntax.STRICT) {
                throw new TextException(inner, "the `core` keyword is required in this reference: `(" + sort
                        + " ...)` should be written `(core " + sort + " ...)`");
            }
            Cursor l = c.list(sort);
            Ref r = ref(l);
            l.expectEnd();
            return r;
        }
        int mark = c.mark();
        c.next();
        Position afterIndex = c.position();
        c.reset(mark);
        Ref r = ref(c);
        if (!r.exportNames().isEmpty() && syntax == IndexSyntax.STRICT) {
            throw new TextException(afterIndex, "an export name must be written inside a nested reference: `(" + sort
                    + " $i \"name\")` should be written `(" + sort + " (core " + sort + " $i \"name\"))`");
        }
        return r;
    }

    /** A type reference: {@code idx} or {@code (type idx)}. */
    static Ref typeRef(Cursor c) {
        if (c.peekList("type")) {
            Cursor l = c.list("type");
            Ref r = ref(l);
            l.expectEnd();
            return r;
        }
        return ref(c);
    }
}
