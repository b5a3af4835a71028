package dev.jwc.runtime.abi;

import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.runtime.core.CoreMemory;
import java.util.Optional;

/**
 * The canonical options of one {@code canon lift}, {@code canon lower} or {@code task.return}, resolved
 * to core items; {@code async} with an optional {@code callback}.
 */
public record CanonOptions(StringEncoding encoding, Optional<CoreMemory> memory, Optional<CoreFunc> realloc,
        Optional<CoreFunc> postReturn, boolean async, Optional<CoreFunc> callback) {

    /** Synchronous options. */
    public CanonOptions(StringEncoding encoding, Optional<CoreMemory> memory, Optional<CoreFunc> realloc,
            Optional<CoreFunc> postReturn) {
        this(encoding, memory, realloc, postReturn, false, Optional.empty());
    }

    /** No memory, no realloc: what host-only signatures need. */
    public static CanonOptions none() {
        return new CanonOptions(StringEncoding.UTF8, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
