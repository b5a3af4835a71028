package dev.jwc.text.component;

import java.util.ArrayList;
import java.util.List;

/**
 * The definitions an abbreviation generates ahead of the field being parsed, in wasm-tools' order:
 * inline types first (innermost first), then instances built from inline export bundles.
 */
final class Hoist {
    final List<Pending> types = new ArrayList<>();
    final List<Pending> fields = new ArrayList<>();
    /** Definitions that follow the field (the values a start function returns). */
    final List<Pending> after = new ArrayList<>();

    /** Lowers the generated definitions, then {@code main}. */
    void lowerWith(Pending main, Scope scope) {
        types.forEach(p -> p.lower(scope));
        fields.forEach(p -> p.lower(scope));
        main.lower(scope);
        after.forEach(p -> p.lower(scope));
    }
}
