package dev.jwc.runtime.core;

/** A core item that instances import and export. */
public sealed interface CoreExtern permits CoreFunc, CoreMemory, CoreExtern.Opaque {

    /** A table, global or tag: passed between instances unchanged, never inspected by the runtime. */
    non-sealed interface Opaque extends CoreExtern {
    }
}
