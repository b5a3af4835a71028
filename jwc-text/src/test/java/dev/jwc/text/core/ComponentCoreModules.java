package dev.jwc.text.core;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import dev.jwc.text.sexpr.SExprParser;
import dev.jwc.text.wast.WastModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the core modules defined in component text, in text order (nested components included), as
 * the conformance runners need them until the component text parser exists.
 */
final class ComponentCoreModules {
    private ComponentCoreModules() {}

    /**
     * Standalone {@code (module ...)} or a component's {@code (core module $id? (export "n")* field*)},
     * whose inline exports belong to the component.
     */
    static CoreModule parse(SExpr.SList form) {
        Cursor c = form.cursor();
        if (c.takeKeyword("core")) {
            c.expectKeyword("module");
            Optional<String> id = c.takeId().map(Token.Id::name);
            while (c.takeList("export").isPresent()) {
                // a component-level export of the module
            }
            return CoreModuleParser.parseFields(id, c);
        }
        return CoreModuleParser.parse(form);
    }

    /** Whether a {@code (core module ...)} form defines a module (rather than importing one). */
    private static boolean definesModule(SExpr.SList form) {
        Cursor c = form.cursor();
        c.expectKeyword("core");
        c.expectKeyword("module");
        c.takeId();
        while (c.takeList("export").isPresent()) {
            // skip inline exports
        }
        // `(import "name")` imports the module into the component; a core import field has more items.
        return !(c.peek().orElse(null) instanceof SExpr.SList l && l.head().filter("import"::equals).isPresent()
                && l.items().size() == 2);
    }

    /** The core module forms of a script module, in text order (nested components included). */
    static List<SExpr.SList> forms(WastModule module) {
        List<SExpr.SList> out = new ArrayList<>();
        switch (module) {
            case WastModule.Text t when t.kind() == WastModule.Kind.MODULE -> out.add(t.form());
            case WastModule.Text t -> collect(t.form(), out);
            case WastModule.Quote q -> {
                for (SExpr e : SExprParser.parse(q.source()).items()) {
                    if (e instanceof SExpr.SList l && q.kind() == WastModule.Kind.COMPONENT) {
                        collect(l, out);
                    }
                }
            }
            case WastModule.Binary b -> { }
        }
        return out;
    }

    static void collect(SExpr.SList component, List<SExpr.SList> out) {
        for (SExpr item : component.items()) {
            if (item instanceof SExpr.SList l) {
                Cursor c = l.cursor();
                if (c.takeKeyword("core") && c.peekKeyword("module")) {
                    if (definesModule(l)) {
                        out.add(l);
                    }
                } else if (l.head().filter("component"::equals).isPresent()) {
                    collect(l, out);
                }
            }
        }
    }
}
