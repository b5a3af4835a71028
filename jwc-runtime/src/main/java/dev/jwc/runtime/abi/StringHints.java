package dev.jwc.runtime.abi;

import dev.jwc.types.Val;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The source encoding and tagged code-unit count that {@code load_string} attaches to a lifted string,
 * kept beside the {@code Val.Str} for the duration of one call so that {@code store_string} can choose
 * its allocation sizes as the spec does. Strings without a hint (from the host) count as UTF-8.
 */
public final class StringHints {
    record Hint(StringEncoding encoding, long taggedCodeUnits) {
    }

    /** Allocated on the first lifted string: most calls carry none. */
    private Map<Val.Str, Hint> hints;

    void put(Val.Str s, StringEncoding encoding, long taggedCodeUnits) {
        if (hints == null) {
            hints = new IdentityHashMap<>();
        }
        hints.put(s, new Hint(encoding, taggedCodeUnits));
    }

    /** Whether {@code s} was lifted in this call (and so has a source encoding other than the host's). */
    boolean has(Val.Str s) {
        return hints != null && hints.containsKey(s);
    }

    Hint get(Val.Str s) {
        Hint h = hints == null ? null : hints.get(s);
        return h != null ? h : new Hint(StringEncoding.UTF8, Strings.utf8Length(s.value()));
    }
}
