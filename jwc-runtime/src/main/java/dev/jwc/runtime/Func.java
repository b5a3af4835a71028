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

    /** {@code func} guarded by a check that runs before each call (e.g. a command's run-once rule). */
    Func(ComponentFunc func, Runnable guard) {
        this(new ComponentFunc() {
            @Override
            public FuncType type() {
                return func.type();
            }

            @Override
            public Optional<Val> call(dev.jwc.runtime.abi.InstanceState caller, List<Val> args, StringHints hints) {
                guard.run();
                return func.call(caller, args, hints);
            }
        });
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

    /** This function with plain Java parameter and result types (see {@link TypedFunc} for the mapping). */
    public <R> TypedFunc<R> typed(Class<R> result, Class<?>... params) {
        return new TypedFunc<>(this, result, List.of(params));
    }
}
