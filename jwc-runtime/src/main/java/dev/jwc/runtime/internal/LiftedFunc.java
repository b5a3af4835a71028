package dev.jwc.runtime.internal;

import dev.jwc.runtime.Trap;
import dev.jwc.runtime.abi.AbiContext;
import dev.jwc.runtime.abi.AsyncResult;
import dev.jwc.runtime.abi.CallScope;
import dev.jwc.runtime.abi.CanonOptions;
import dev.jwc.runtime.abi.InstanceState;
import dev.jwc.runtime.abi.Layout;
import dev.jwc.runtime.abi.Lifting;
import dev.jwc.runtime.abi.Lowering;
import dev.jwc.runtime.abi.Scalars;
import dev.jwc.runtime.abi.StringHints;
import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.types.FuncType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code canon lift}: a core function of component instance {@code inst} seen as a component function.
 * Reentrance is checked on entry; a trap leaves the instance unenterable, as Wasmtime does. The flat
 * signature is worked out once, here. An async lift runs to completion on the caller's thread: its result
 * comes from {@code task.return}, and a callback may only answer EXIT.
 */
final class LiftedFunc implements ComponentFunc {
    private final InstanceState inst;
    private final CoreFunc core;
    private final FuncType type;
    private final CanonOptions opts;
    private final List<ValueType> params;
    private final List<ValueType> results;
    private final boolean spillParams;
    private final boolean spillResults;
    private final Optional<ScalarEntry> scalarEntry;

    LiftedFunc(InstanceState inst, CoreFunc core, FuncType type, CanonOptions opts) {
        this.inst = inst;
        this.core = core;
        this.type = type;
        this.opts = opts;
        this.params = type.paramTypes();
        this.results = type.result().stream().toList();
        this.spillParams = Layout.flatten(params).size() > Layout.MAX_FLAT_PARAMS;
        this.spillResults = Layout.flatten(results).size() > Layout.MAX_FLAT_RESULTS;
        this.scalarEntry = opts.async() || spillParams ? Optional.empty() : directEntry();
    }

    private Optional<ScalarEntry> directEntry() {
        Optional<Primitive[]> ps = Scalars.scalars(params);
        Optional<Primitive[]> rs = Scalars.scalars(results);
        if (ps.isEmpty() || rs.isEmpty()) {
            return Optional.empty();
        }
        Optional<Primitive> result = Arrays.stream(rs.get()).findFirst();
        return Optional.of(new ScalarEntry(ps.get(), result, flatArgs -> callScalar(flatArgs, result)));
    }

    @Override
    public Optional<ScalarEntry> scalarEntry() {
        return scalarEntry;
    }

    /**
     * {@link #call} from the host for an all-scalar signature: no memory, strings or borrows can be
     * involved, so only reentrance, task context, the char check and post-return remain.
     */
    private long callScalar(long[] flatArgs, Optional<Primitive> resultType) {
        inst.enterFrom(null);
        long[] callerContext = inst.beginTask();
        long[] flatResults = core.call(flatArgs);
        long result = 0;
        if (resultType.isPresent()) {
            result = flatResults[0];
            Scalars.checkLift(resultType.get(), result);
        }
        if (opts.postReturn().isPresent()) {
            inst.setMayLeave(false);
            opts.postReturn().get().call(flatResults);
            inst.setMayLeave(true);
        }
        inst.endTask(callerContext);
        inst.leaveTo(null);
        return result;
    }

    /** EXIT: the callback code of a task that is done; waiting and yielding need the async scheduler. */
    private static final int CALLBACK_EXIT = 0;

    @Override
    public FuncType type() {
        return type;
    }

    @Override
    public Optional<Val> call(InstanceState caller, List<Val> args, StringHints hints) {
        if (args.size() != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " arguments, got " + args.size());
        }
        inst.enterFrom(caller);
        long[] callerContext = inst.beginTask();
        CallScope scope = new CallScope();
        AbiContext cx = new AbiContext(opts, inst, scope, hints, caller == null);
        long[] flatArgs = Lowering.lowerFlatValues(cx, spillParams, args, params, Optional.empty());
        Optional<Val> result;
        long[] flatResults;
        if (opts.async()) {
            AsyncResult slot = new AsyncResult();
            AsyncResult outer = inst.beginAsync(slot);
            flatResults = core.call(flatArgs);
            inst.endAsync(outer);
            if (opts.callback().isPresent() && (flatResults[0] & 0xf) != CALLBACK_EXIT) {
                throw new Trap("async callbacks that wait or yield are not supported");
            }
            result = slot.get();
        } else {
            flatResults = core.call(flatArgs);
            List<Val> lifted = Lifting.liftFlatValues(cx, spillResults, new Lifting.Values(flatResults), results);
            result = lifted.isEmpty() ? Optional.empty() : Optional.of(lifted.get(0));
        }
        scope.checkNoBorrows();
        if (opts.postReturn().isPresent()) {
            inst.setMayLeave(false);
            opts.postReturn().get().call(flatResults);
            inst.setMayLeave(true);
        }
        inst.endTask(callerContext);
        inst.leaveTo(caller);
        return result;
    }
}
