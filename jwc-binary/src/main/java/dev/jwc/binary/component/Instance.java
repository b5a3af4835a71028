package dev.jwc.binary.component;

import java.util.List;

/** A component instance definition. */
public sealed interface Instance {

    /** {@code (instantiate c (with name (sort idx))*)}. */
    record Instantiate(int component, List<Arg> args) implements Instance {
        public Instantiate {
            args = List.copyOf(args);
        }
    }

    /** A bag of exports: {@code (export name (sort idx))*}. */
    record FromExports(List<Export> exports) implements Instance {
        public FromExports {
            exports = List.copyOf(exports);
        }
    }

    record Arg(String name, Sort sort, int index) {
        public Arg {
            SortRules.external(sort);
        }
    }

    record Export(ExternName name, Sort sort, int index) {
        public Export {
            SortRules.external(sort);
        }
    }
}
