package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;
import dev.jwc.types.Val;
import java.util.List;
import java.util.Optional;

/** Where {@code task.return} puts the result of an async-lifted call; it may be called exactly once. */
public final class AsyncResult {
    private Optional<Val> value;

    void set(Optional<Val> result) {
        Trap.trapIf(value != null, "task.return called more than once");
        value = result;
    }

    /** The delivered result; a task that ends without {@code task.return} traps. */
    public Optional<Val> get() {
        Trap.trapIf(value == null, "async-lifted export failed to produce a result");
        return value;
    }

    /** {@code canon task.return}: lifts the flat arguments with the built-in's own options. */
    public static dev.jwc.runtime.core.CoreFunc taskReturn(InstanceState inst, List<dev.jwc.types.ValueType> result,
            CanonOptions opts) {
        return args -> {
            ResourceBuiltins.checkMayLeave(inst);
            AsyncResult slot = inst.asyncResult();
            AbiContext cx = new AbiContext(opts, inst, new CallScope(), new StringHints(), false);
            List<Val> vals = Lifting.liftFlatValues(cx, Layout.MAX_FLAT_PARAMS, new Lifting.Values(args), result);
            slot.set(vals.stream().findFirst());
            return new long[0];
        };
    }
}
