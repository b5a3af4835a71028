package dev.jwc.binary.component;

/** An alias definition or declarator. */
public sealed interface Alias {

    /** The sort of the aliased item, which is the index space the alias extends. */
    Sort sort();

    /** {@code (alias export i "name" (sort))}: an export of a component instance. */
    record InstanceExport(Sort sort, int instance, String name) implements Alias {
        public InstanceExport {
            SortRules.external(sort);
        }
    }

    /** {@code (alias core export i "name" (core sort))}: an export of a core instance. */
    record CoreInstanceExport(CoreSort sort, int instance, String name) implements Alias {
        public CoreInstanceExport {
            SortRules.coreExternal(sort);
        }
    }

    /** {@code (alias outer count index (sort))}: a definition of an enclosing scope. */
    record Outer(Sort sort, int count, int index) implements Alias {
        public Outer {
            SortRules.outer(sort);
        }
    }
}
