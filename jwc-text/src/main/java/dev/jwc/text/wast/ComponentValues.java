package dev.jwc.text.wast;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.lex.Numbers;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExprParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses component values: {@code (bool.const true)}, {@code (u8.const 1)}, {@code (list.const ...)}, ... */
final class ComponentValues {
    /** Values nest without parentheses too ({@code option.some option.some ...}), so depth is bounded here. */
    private static final int MAX_DEPTH = SExprParser.MAX_DEPTH;

    private int depth;

    /** Parses the rest of a value whose keyword {@code kw} was consumed. */
    ComponentValue parse(String kw, Cursor c, Position at) {
        if (++depth > MAX_DEPTH) {
            throw new TextException(at, "values nested deeper than " + MAX_DEPTH);
        }
        try {
            return value(kw, c, at);
        } finally {
            depth--;
        }
    }

    private ComponentValue value(String kw, Cursor c, Position at) {
        return switch (kw) {
            case "bool.const" -> {
                if (c.takeKeyword("true")) {
                    yield new ComponentValue.Bool(true);
                }
                c.expectKeyword("false");
                yield new ComponentValue.Bool(false);
            }
            case "u8.const" -> integer(ComponentValue.IntKind.U8, c);
            case "s8.const" -> integer(ComponentValue.IntKind.S8, c);
            case "u16.const" -> integer(ComponentValue.IntKind.U16, c);
            case "s16.const" -> integer(ComponentValue.IntKind.S16, c);
            case "u32.const" -> integer(ComponentValue.IntKind.U32, c);
            case "s32.const" -> integer(ComponentValue.IntKind.S32, c);
            case "u64.const" -> integer(ComponentValue.IntKind.U64, c);
            case "s64.const" -> integer(ComponentValue.IntKind.S64, c);
            case "f32.const" -> new ComponentValue.F32(c.f32());
            case "f64.const" -> new ComponentValue.F64(c.f64());
            case "char.const" -> {
                Position p = c.position();
                String s = c.utf8();
                if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
                    throw new TextException(p, "expected exactly one character");
                }
                yield new ComponentValue.Char(s.codePointAt(0));
            }
            case "str.const" -> new ComponentValue.Str(c.utf8());
            case "list.const" -> new ComponentValue.ListOf(values(c));
            case "tuple.const" -> new ComponentValue.Tuple(values(c));
            case "record.const" -> {
                List<ComponentValue.Field> fields = new ArrayList<>();
                while (!c.atEnd()) {
                    Cursor f = c.list("field");
                    fields.add(new ComponentValue.Field(f.utf8(), value(f)));
                    f.expectEnd();
                }
                yield new ComponentValue.Record(fields);
            }
            case "variant.const" -> new ComponentValue.Variant(c.utf8(), optionalValue(c));
            case "enum.const" -> new ComponentValue.Enum(c.utf8());
            case "option.none" -> new ComponentValue.Option(Optional.empty());
            case "option.some" -> new ComponentValue.Option(Optional.of(value(c)));
            case "result.ok" -> new ComponentValue.Result(true, optionalValue(c));
            case "result.err" -> new ComponentValue.Result(false, optionalValue(c));
            case "flags.const" -> {
                List<String> names = new ArrayList<>();
                while (!c.atEnd()) {
                    names.add(c.utf8());
                }
                yield new ComponentValue.Flags(names);
            }
            default -> throw new TextException(at, "expected a [type].const expression, found '" + kw + "'");
        };
    }

    private ComponentValue integer(ComponentValue.IntKind kind, Cursor c) {
        Token t = c.nextToken();
        if (!(t instanceof Token.IntegerLiteral i)) {
            throw new TextException(t.position(), "expected an integer, found '" + t.source() + "'");
        }
        long v = kind.signed
                ? Numbers.integer(i.text(), kind.bits, i.position())
                : Numbers.unsigned(i.text(), kind.bits, i.position());
        if (kind.signed && kind.bits < 64) {
            v = v << (64 - kind.bits) >> (64 - kind.bits);
        }
        return new ComponentValue.Int(kind, v);
    }

    /** A nested value: {@code (u8.const 1)}, or unparenthesized {@code u8.const 1} as wasm-tools also accepts. */
    private ComponentValue value(Cursor c) {
        if (c.peekList()) {
            return parenthesized(c.list());
        }
        Position at = c.position();
        return parse(c.keyword(), c, at);
    }

    private ComponentValue parenthesized(Cursor c) {
        Position at = c.position();
        ComponentValue v = parse(c.keyword(), c, at);
        c.expectEnd();
        return v;
    }

    private Optional<ComponentValue> optionalValue(Cursor c) {
        return c.atEnd() ? Optional.empty() : Optional.of(value(c));
    }

    private List<ComponentValue> values(Cursor c) {
        List<ComponentValue> values = new ArrayList<>();
        while (!c.atEnd()) {
            values.add(parenthesized(c.list()));
        }
        return values;
    }
}
