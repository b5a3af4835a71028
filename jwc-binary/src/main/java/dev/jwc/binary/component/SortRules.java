package dev.jwc.binary.component;

/** Which sorts each position of the binary format can encode, checked when the model is built. */
final class SortRules {
    private SortRules() {
    }

    /** Exports, instantiation arguments and alias exports: component sorts and core module. */
    static Sort external(Sort sort) {
        if (sort instanceof CoreSort core && core != CoreSort.MODULE) {
            throw new IllegalArgumentException("core " + core.keyword() + " is not a component external kind");
        }
        return sort;
    }

    /** Core instance exports: func, table, memory, global, tag. */
    static CoreSort coreExternal(CoreSort sort) {
        if (sort.code() > CoreSort.TAG.code()) {
            throw new IllegalArgumentException("core " + sort.keyword() + " is not a core external kind");
        }
        return sort;
    }

    /** Outer aliases: core type, core module, type, component. */
    static Sort outer(Sort sort) {
        boolean allowed = switch (sort) {
            case CoreSort core -> core == CoreSort.TYPE || core == CoreSort.MODULE;
            case ComponentSort component -> component == ComponentSort.TYPE || component == ComponentSort.COMPONENT;
        };
        if (!allowed) {
            throw new IllegalArgumentException(sort + " cannot be aliased from an outer scope");
        }
        return sort;
    }
}
