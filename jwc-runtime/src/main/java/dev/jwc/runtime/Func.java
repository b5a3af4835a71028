package dev.jwc.runtime;

import dev.jwc.runtime.abi.StringHints;
import dev.jwc.runtime.internal.ComponentFunc;
import dev.jwc.types.FuncType;
import dev.jwc.types.Val;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An exported component function, called with {@link Val}s. */
public final class Func {
    private final ComponentFunc func;

    Func(ComponentFunc func) {
        this.func = func;
    }

    public FuncType type() {
        return func.type();
    }

    /** Calls the function from the host; the result is empty for functions without a result. */
    public Optional<Val> call(Val... args) {
        return call(Arrays.asList(args));
    }

    public Optional<Val> call(List<Val> args) {
        return func.call(null, List.copyOf(args), new StringHints());
    }
}
