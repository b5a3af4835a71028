package dev.jwc.runtime;

import dev.jwc.runtime.abi.StringHints;
import dev.jwc.runtime.internal.ComponentFunc;
import dev.jwc.runtime.internal.ScalarEntry;
import dev.jwc.types.FuncType;
import dev.jwc.types.Val;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An exported component function, called with {@link Val}s. Functions whose signature holds only
 * scalars are called through their direct entry, without the general lift/lower machinery.
 */
public final class Func {
    private static final Runnable UNGUARDED = () -> {
    };

    private final ComponentFunc func;
    private final Runnable guard;
    private final Optional<ScalarEntry> scalarEntry;

    Func(ComponentFunc func) {
        this(func, UNGUARDED);
    }

    /** {@code func} guarded by a check that runs before each call (e.g. a command's run-once rule). */
    Func(ComponentFunc func, Runnable guard) {
        this.func = func;
        this.guard = guard;
        this.scalarEntry = func.scalarEntry();
    }

    public FuncType type() {
        return func.type();
    }

    /** Calls the function from the host; the result is empty for functions without a result. */
    public Optional<Val> call(Val... args) {
        return call(Arrays.asList(args));
    }

    public Optional<Val> call(List<Val> args) {
        guard.run();
        if (scalarEntry.isPresent()) {
            return scalarEntry.get().call(args);
        }
        return func.call(null, args, new StringHints());
    }

    /** The direct entry for all-scalar signatures, with the guard to run before each call through it. */
    Optional<ScalarEntry> scalarEntry() {
        return scalarEntry;
    }

    Runnable guard() {
        return guard;
    }

    /** This function with plain Java parameter and result types (see {@link TypedFunc} for the mapping). */
    public <R> TypedFunc<R> typed(Class<R> result, Class<?>... params) {
        return new TypedFunc<>(this, result, List.of(params));
    }
}
