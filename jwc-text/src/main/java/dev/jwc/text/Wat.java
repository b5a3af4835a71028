package dev.jwc.text;

import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.WasmBinary;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CoreWriter;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.text.component.ComponentTextParser;
import dev.jwc.text.core.CoreModuleParser;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import dev.jwc.text.sexpr.SExprParser;
import dev.jwc.text.wast.WastModule;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry points from WebAssembly text to binary. A {@code .wat} source is one {@code (module ...)}
 * (possibly {@code (module binary "...")}), a module's fields without the wrapper, or one
 * {@code (component ...)} (possibly {@code binary} or {@code quote}).
 */
public final class Wat {
    private Wat() {}

    /** The binary of a {@code .wat} source: a core module or a component. */
    public static byte[] toBinary(String source) {
        SExprParser.Document doc = SExprParser.parse(source);
        SExpr.SList form = single(doc);
        Cursor c = form.cursor();
        String head = c.peekKeyword().orElse("");
        if (head.equals("component")) {
            return ComponentWriter.write(ComponentTextParser.parse(form));
        }
        c.keyword();
        c.takeId();
        if (c.takeKeyword("binary")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (!c.atEnd()) {
                out.writeBytes(c.string());
            }
            return out.toByteArray();
        }
        return CoreWriter.write(CoreModuleParser.parse(form));
    }

    /**
     * The model of a {@code .wat} source: a {@link dev.jwc.binary.component.Component} for
     * {@code (component ...)}, otherwise a {@link CoreModuleBinary}. Errors are {@link TextException}s
     * at {@code line:col} ({@link TextException#withFile(String)} adds the file name).
     */
    public static WasmBinary parse(String source) {
        SExpr.SList form = single(SExprParser.parse(source));
        if (form.head().filter("component"::equals).isPresent()) {
            return ComponentTextParser.parse(form);
        }
        Cursor c = form.cursor();
        c.keyword();
        c.takeId();
        if (c.peekKeyword("binary")) {
            byte[] bytes = toBinary(source);
            try {
                return ComponentReader.read(bytes);
            } catch (DecodeException e) {
                throw new TextException(form.position(), "malformed module binary: " + e.getMessage());
            }
        }
        return CoreModuleBinary.of(CoreModuleParser.parse(form));
    }

    /** The core module of a {@code .wat} source in text form. */
    public static CoreModule parseCoreModule(String source) {
        SExpr.SList form = single(SExprParser.parse(source));
        if (!form.head().filter("module"::equals).isPresent()) {
            throw new TextException(form.position(), "expected '(module ...)'");
        }
        return CoreModuleParser.parse(form);
    }

    /** The binary of a module or component written in a {@code .wast} script: text, {@code binary} or {@code quote}. */
    public static byte[] encode(WastModule module) {
        return switch (module) {
            case WastModule.Binary b -> b.bytes();
            case WastModule.Quote q -> toBinary(q.source());
            case WastModule.Text t when t.kind() == WastModule.Kind.COMPONENT ->
                    ComponentWriter.write(ComponentTextParser.parse(t.form()));
            case WastModule.Text t -> CoreWriter.write(CoreModuleParser.parse(t.form()));
        };
    }

    /** The one {@code (module ...)} of a source, wrapping bare module fields in one. */
    private static SExpr.SList single(SExprParser.Document doc) {
        Cursor top = doc.cursor();
        if (top.peekList("module") || top.peekList("component")) {
            SExpr.SList form = top.listItem();
            top.expectEnd();
            return form;
        }
        Position at = top.position();
        List<SExpr> items = new ArrayList<>();
        items.add(new SExpr.SAtom(new Token.Keyword("module", at)));
        items.addAll(top.rest());
        return new SExpr.SList(items, at, doc.end());
    }
}
