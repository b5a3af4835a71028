package dev.jwc.text.wast;

import dev.jwc.text.lex.Utf8;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.core.V128Literal;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import dev.jwc.text.sexpr.SExprParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses {@code .wast} scripts into {@link WastScript}s; modules stay unparsed s-expressions. */
final class WastParser {
    private static final Set<String> CORE_RESULTS = Set.of(
            "i32.const", "i64.const", "f32.const", "f64.const", "v128.const", "ref.null", "ref.extern",
            "ref.host", "ref.func", "ref.any", "ref.eq", "ref.array", "ref.struct", "ref.i31", "ref.i31_shared",
            "either");

    private WastParser() {}

    static WastScript parse(String source) {
        SExprParser.Document doc = SExprParser.parse(source);
        Cursor top = doc.cursor();
        if (!top.atEnd() && !isDirective(top)) {
            // A plain module: either `(module ...)` fields without the wrapper or bare fields.
            Position at = top.position();
            List<SExpr> items = new ArrayList<>();
            items.add(new SExpr.SAtom(new Token.Keyword("module", at)));
            items.addAll(top.rest());
            SExpr.SList form = new SExpr.SList(items, at, doc.end());
            return new WastScript(List.of(new WastDirective.Module(
                    new WastModule.Text(WastModule.Kind.MODULE, Optional.empty(), form, at), at)));
        }
        List<WastDirective> directives = new ArrayList<>();
        while (!top.atEnd()) {
            directives.add(directive(top));
        }
        return new WastScript(directives);
    }

    private static boolean isDirective(Cursor top) {
        Optional<String> head = top.peekListHead();
        return head.isPresent() && (head.get().startsWith("assert_") || head.get().equals("module")
                || head.get().equals("component") || head.get().equals("register") || head.get().equals("invoke")
                || head.get().equals("get") || head.get().equals("thread") || head.get().equals("wait"));
    }

    private static WastDirective directive(Cursor top) {
        SExpr.SList list = top.listItem();
        Cursor c = list.cursor();
        Position at = c.position(); // the keyword, as wasm-tools reports directive lines
        String keyword = c.keyword();
        switch (keyword) {
            case "module", "component" -> {
                return moduleDirective(list, at);
            }
            case "invoke", "get" -> {
                return new WastDirective.Action(execute(list), at);
            }
            default -> { }
        }
        WastDirective d = switch (keyword) {
            case "register" -> new WastDirective.Register(c.utf8(), c.takeId().map(Token.Id::name), at);
            case "assert_return" -> {
                WastExecute exec = execute(c.listItem());
                List<WastResult> results = new ArrayList<>();
                while (!c.atEnd()) {
                    results.add(result(c.list()));
                }
                yield new WastDirective.AssertReturn(exec, results, at);
            }
            case "assert_trap" -> new WastDirective.AssertTrap(execute(c.listItem()), c.utf8(), at);
            case "assert_exhaustion" -> new WastDirective.AssertExhaustion(execute(c.listItem()), c.utf8(), at);
            case "assert_exception" -> new WastDirective.AssertException(execute(c.listItem()), at);
            case "assert_suspension" -> new WastDirective.AssertSuspension(execute(c.listItem()), c.utf8(), at);
            case "assert_invalid" -> new WastDirective.AssertInvalid(module(c.listItem()), c.utf8(), at);
            case "assert_malformed" -> new WastDirective.AssertMalformed(module(c.listItem()), c.utf8(), at);
            case "assert_unlinkable" -> new WastDirective.AssertUnlinkable(module(c.listItem()), c.utf8(), at);
            case "thread" -> thread(c, at);
            case "wait" -> new WastDirective.Wait(c.id().name(), at);
            default -> throw new TextException(at, "unknown directive '" + keyword + "'");
        };
        c.expectEnd();
        return d;
    }

    private static WastDirective moduleDirective(SExpr.SList list, Position at) {
        Cursor c = list.cursor();
        String kw = c.keyword();
        WastModule.Kind kind = kind(kw);
        if (c.takeKeyword("instance")) {
            Optional<String> instance = c.takeId().map(Token.Id::name);
            Optional<String> module = c.takeId().map(Token.Id::name);
            c.expectEnd();
            return new WastDirective.ModuleInstance(kind, instance, module, at);
        }
        if (c.peekKeyword("definition")) {
            List<SExpr> items = new ArrayList<>(list.items());
            items.remove(c.peek().orElseThrow());
            return new WastDirective.ModuleDefinition(
                    module(new SExpr.SList(items, list.position(), list.end())), at);
        }
        return new WastDirective.Module(module(list), at);
    }

    /** A {@code (module ...)} or {@code (component ...)} list in any of its forms. */
    static WastModule module(SExpr.SList list) {
        Cursor c = list.cursor();
        Position at = c.position();
        String kw = c.keyword();
        WastModule.Kind kind = kind(kw);
        if (kind == null) {
            throw new TextException(at, "expected '(module ...)' or '(component ...)'");
        }
        Optional<String> id = c.takeId().map(Token.Id::name);
        if (c.takeKeyword("binary")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (!c.atEnd()) {
                bytes.writeBytes(c.string());
            }
            return new WastModule.Binary(kind, id, bytes.toByteArray(), at);
        }
        if (c.peekKeyword("quote")) {
            Position quoteAt = c.position(); // wasm-tools locates quoted modules at their 'quote' keyword
            c.keyword();
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            if (kind == WastModule.Kind.COMPONENT) {
                text.writeBytes("(component".getBytes(StandardCharsets.UTF_8));
            }
            while (!c.atEnd()) {
                text.writeBytes(c.string());
                text.write(' ');
            }
            if (kind == WastModule.Kind.COMPONENT) {
                text.write(')');
            }
            String source = Utf8.decode(text.toByteArray())
                    .orElseThrow(() -> new TextException(quoteAt, "malformed UTF-8 encoding"));
            return new WastModule.Quote(kind, id, source, quoteAt);
        }
        return new WastModule.Text(kind, id, list, at);
    }

    private static WastModule.Kind kind(String keyword) {
        return switch (keyword) {
            case "module" -> WastModule.Kind.MODULE;
            case "component" -> WastModule.Kind.COMPONENT;
            default -> null;
        };
    }

    private static WastExecute execute(SExpr.SList list) {
        Cursor c = list.cursor();
        Position at = list.position();
        return switch (c.peekKeyword().orElse("")) {
            case "invoke" -> {
                c.keyword();
                Optional<String> module = c.takeId().map(Token.Id::name);
                String name = c.utf8();
                List<WastValue> args = new ArrayList<>();
                while (!c.atEnd()) {
                    args.add(argument(c.list()));
                }
                yield new WastExecute.Invoke(module, name, args, at);
            }
            case "get" -> {
                c.keyword();
                Optional<String> module = c.takeId().map(Token.Id::name);
                String name = c.utf8();
                c.expectEnd();
                yield new WastExecute.Get(module, name, at);
            }
            case "module", "component" -> new WastExecute.Instantiate(module(list), at);
            default -> throw new TextException(at, "expected 'invoke', 'get' or a module");
        };
    }

    private static WastValue argument(Cursor c) {
        Position at = c.position();
        String kw = c.keyword();
        WastValue v = switch (kw) {
            case "i32.const" -> new CoreValue.I32(c.i32());
            case "i64.const" -> new CoreValue.I64(c.i64());
            case "f32.const" -> new CoreValue.F32(c.f32());
            case "f64.const" -> new CoreValue.F64(c.f64());
            case "v128.const" -> new CoreValue.V128(V128Literal.parse(c));
            case "ref.null" -> new CoreValue.RefNull(heapType(c));
            case "ref.extern" -> new CoreValue.RefExtern(c.u32());
            case "ref.host" -> new CoreValue.RefHost(c.u32());
            default -> new ComponentValues().parse(kw, c, at);
        };
        c.expectEnd();
        return v;
    }

    private static WastResult result(Cursor c) {
        Position at = c.position();
        String kw = c.keyword();
        if (!CORE_RESULTS.contains(kw)) {
            ComponentValue v = new ComponentValues().parse(kw, c, at);
            c.expectEnd();
            return v;
        }
        CoreResult r = switch (kw) {
            case "i32.const" -> new CoreResult.I32(c.i32());
            case "i64.const" -> new CoreResult.I64(c.i64());
            case "f32.const" -> new CoreResult.F32(floatPattern(c, 32));
            case "f64.const" -> new CoreResult.F64(floatPattern(c, 64));
            case "v128.const" -> v128Pattern(c);
            case "ref.null" -> new CoreResult.RefNull(c.atEnd() ? Optional.empty() : Optional.of(heapType(c)));
            case "ref.extern" -> new CoreResult.RefExtern(c.atEnd() ? Optional.empty() : Optional.of(c.u32()));
            case "ref.host" -> new CoreResult.RefHost(c.u32());
            case "ref.func" -> new CoreResult.RefFunc(c.atEnd() ? Optional.empty() : Optional.of(index(c)));
            case "either" -> {
                List<CoreResult> alternatives = new ArrayList<>();
                while (!c.atEnd()) {
                    if (!(result(c.list()) instanceof CoreResult alt)) {
                        throw new TextException(at, "'either' takes core results only");
                    }
                    alternatives.add(alt);
                }
                yield new CoreResult.Either(alternatives);
            }
            default -> new CoreResult.RefKind(kw.substring("ref.".length()));
        };
        c.expectEnd();
        return r;
    }

    private static NumPattern floatPattern(Cursor c, int bits) {
        if (c.takeKeyword("nan:canonical")) {
            return new NumPattern.CanonicalNan();
        }
        if (c.takeKeyword("nan:arithmetic")) {
            return new NumPattern.ArithmeticNan();
        }
        return new NumPattern.Exact(bits == 32 ? c.f32() & 0xffffffffL : c.f64());
    }

    private static CoreResult v128Pattern(Cursor c) {
        Position at = c.position();
        String shape = c.keyword();
        int lanes = V128Literal.lanes(shape);
        if (lanes < 0) {
            throw new TextException(at, "unknown v128 shape '" + shape + "'");
        }
        int width = 128 / lanes;
        List<NumPattern> patterns = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            patterns.add(shape.startsWith("f") ? floatPattern(c, width) : new NumPattern.Exact(c.integer(width)));
        }
        return new CoreResult.V128(shape, patterns);
    }

    /** A heap type as written: a keyword such as {@code func}, or an index ({@code $t} or a number). */
    private static String heapType(Cursor c) {
        return c.peekKeyword().isPresent() ? c.keyword() : index(c);
    }

    private static String index(Cursor c) {
        return c.peekId() ? "$" + c.id().name() : Integer.toUnsignedString(c.u32());
    }

    private static WastDirective thread(Cursor c, Position at) {
        String name = c.id().name();
        List<String> shared = new ArrayList<>();
        while (c.peekList("shared")) {
            Cursor s = c.list("shared");
            Cursor m = s.list("module");
            shared.add(m.id().name());
            m.expectEnd();
            s.expectEnd();
        }
        List<WastDirective> body = new ArrayList<>();
        while (!c.atEnd()) {
            body.add(directive(c));
        }
        return new WastDirective.Thread(name, shared, body, at);
    }
}
