package dev.jwc.runtime.abi;

import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.runtime.core.CoreMemory;
import java.util.Optional;

/** The canonical options of one {@code canon lift} or {@code canon lower}, resolved to core items. */
public record CanonOptions(StringEncoding encoding, Optional<CoreMemory> memory, Optional<CoreFunc> realloc,
        Optional<CoreFunc> postReturn) {

    /** No memory, no realloc: what host-only signatures need. */
    public static CanonOptions none() {
        return new CanonOptions(StringEncoding.UTF8, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
