package dev.jwc.runtime.internal;

import dev.jwc.runtime.abi.InstanceState;
import dev.jwc.runtime.abi.StringHints;
import dev.jwc.types.FuncType;
import dev.jwc.types.Val;
import java.util.List;
import java.util.Optional;

/** A component-level function: lifted from core wasm or defined by the host. */
public interface ComponentFunc {

    FuncType type();

    /**
     * Calls the function from {@code caller} (null for the host). {@code hints} carries string encodings
     * between the lifting and the lowering side of one call.
     */
    Optional<Val> call(InstanceState caller, List<Val> args, StringHints hints);

    /** A direct host entry, for functions whose signature holds only scalars and allows one. */
    default Optional<ScalarEntry> scalarEntry() {
        return Optional.empty();
    }
}
