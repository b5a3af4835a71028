package dev.jwc.tools.link;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.text.Wat;
import java.util.Collection;

/** The library that stands in for unresolved functions ({@code --stub-missing-functions}, weak imports): each traps. */
final class Stubs {
    static final String NAME = "wit-component:stubs";

    private Stubs() {}

    static CoreModule module(Collection<Symbol> missing) {
        StringBuilder wat = new StringBuilder("(module\n");
        for (Symbol s : missing) {
            Symbol.Function f = (Symbol.Function) s.kind();
            wat.append("  (func (export ").append(WatText.string(s.name())).append(')')
                    .append(WatText.signature(f.type())).append(" unreachable)\n");
        }
        return Wat.parseCoreModule(wat.append(')').toString());
    }
}
