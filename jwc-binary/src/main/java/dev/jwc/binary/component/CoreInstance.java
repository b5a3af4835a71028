package dev.jwc.binary.component;

import java.util.List;

/** A core instance definition. */
public sealed interface CoreInstance {

    /** {@code (instantiate m (with name (instance i))*)}. */
    record Instantiate(int module, List<Arg> args) implements CoreInstance {
        public Instantiate {
            args = List.copyOf(args);
        }
    }

    /** A bag of core exports: {@code (export name (sort idx))*}. */
    record FromExports(List<Export> exports) implements CoreInstance {
        public FromExports {
            exports = List.copyOf(exports);
        }
    }

    /** An instantiation argument; the binary format only allows the instance sort. */
    record Arg(String name, int instance) {
    }

    /** An inline core export. */
    record Export(String name, CoreSort sort, int index) {
        public Export {
            SortRules.coreExternal(sort);
        }
    }
}
