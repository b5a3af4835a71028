package dev.jwc.text.component;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import dev.jwc.text.sexpr.SExprParser;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Parses a component in the text format (Explainer.md) into the {@link Component} model, expanding the
 * abbreviations and ordering the generated definitions exactly as wasm-tools does, so that encoding
 * the result with {@code ComponentWriter} gives wasm-tools' bytes.
 */
public final class ComponentTextParser {
    private ComponentTextParser() {
    }

    /** Parses a source holding one {@code (component ...)}, with the strict index syntax. */
    public static Component parse(String source) {
        return parse(source, IndexSyntax.STRICT);
    }

    /** Parses a source holding one {@code (component ...)}. */
    public static Component parse(String source, IndexSyntax syntax) {
        SExprParser.Document doc = SExprParser.parse(source);
        Cursor c = doc.cursor();
        SExpr.SList form = c.listItem();
        c.expectEnd();
        return parse(form, syntax);
    }

    /**
     * Parses {@code (component $id? definition? field*)}, {@code (component $id? binary "..."*)} or
     * {@code (component $id? quote "..."*)}.
     */
    public static Component parse(SExpr.SList form) {
        return parse(form, IndexSyntax.STRICT);
    }

    /** As {@link #parse(SExpr.SList)}, with the given index syntax. */
    public static Component parse(SExpr.SList form, IndexSyntax syntax) {
        Cursor c = form.cursor();
        c.expectKeyword("component");
        boolean definition = c.takeKeyword("definition");
        Optional<Token.Id> id = c.takeId();
        if (!definition) {
            c.takeKeyword("definition");
        }
        Position at = c.position();
        if (c.takeKeyword("binary")) {
            byte[] bytes = strings(c);
            try {
                return ComponentReader.readComponent(bytes);
            } catch (DecodeException e) {
                throw new TextException(at, "malformed component binary: " + e.getMessage());
            }
        }
        if (c.takeKeyword("quote")) {
            String text = new String(strings(c), java.nio.charset.StandardCharsets.UTF_8);
            return parse("(component " + text + ")", syntax);
        }
        Optional<String> annotation = c.takeAnnotation("name").map(a -> {
            String n = a.utf8();
            a.expectEnd();
            return n;
        });
        Optional<Scope.Name> name = annotation.isPresent()
                ? Optional.of(new Scope.Name(id.map(Token.Id::name).orElse(null), at, annotation.get()))
                : Scope.Name.of(id);
        return ComponentParser.parseTopLevel(c, name, syntax);
    }

    /** The concatenated bytes of the string literals up to the end of {@code c}. */
    static byte[] strings(Cursor c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!c.atEnd()) {
            out.writeBytes(c.string());
        }
        return out.toByteArray();
    }
}
