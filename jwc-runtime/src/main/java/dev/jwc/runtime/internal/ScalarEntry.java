package dev.jwc.runtime.internal;

import dev.jwc.runtime.abi.Scalars;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType.Primitive;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The direct host entry of a component function whose parameters and result are all scalars: flat core
 * arguments in, the flat result out, with no {@link Val} lists, string hints or borrow scope in between.
 * The entry traps exactly where the general path would (reentrance, invalid char results).
 */
public final class ScalarEntry {
    /** The call itself: one core value per parameter, the result's core value (0 without a result). */
    @FunctionalInterface
    public interface Call {
        long call(long[] flatArgs);
    }

    private final Primitive[] params;
    private final Optional<Primitive> result;
    private final Call call;

    ScalarEntry(Primitive[] params, Optional<Primitive> result, Call call) {
        this.params = params.clone();
        this.result = result;
        this.call = call;
    }

    public int paramCount() {
        return params.length;
    }

    public Primitive param(int i) {
        return params[i];
    }

    public Optional<Primitive> result() {
        return result;
    }

    /** Calls with Java values, each turned into its core value by the matching converter. */
    public long call(Object[] args, ToLongFunction<Object>[] lowerers) {
        long[] flat = new long[args.length];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = lowerers[i].applyAsLong(args[i]);
        }
        return call.call(flat);
    }

    /** Calls with {@link Val}s, as {@link ComponentFunc#call} from the host but without its detours. */
    public Optional<Val> call(List<Val> args) {
        if (args.size() != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " arguments, got " + args.size());
        }
        long[] flat = new long[params.length];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = Scalars.lower(params[i], args.get(i));
        }
        long r = call.call(flat);
        return result.isEmpty() ? Optional.empty() : Optional.of(Scalars.lift(result.get(), r));
    }
}
