package dev.jwc.runtime.internal;

import dev.jwc.runtime.abi.AbiContext;
import dev.jwc.runtime.abi.CallScope;
import dev.jwc.runtime.abi.CanonOptions;
import dev.jwc.runtime.abi.InstanceState;
import dev.jwc.runtime.abi.Layout;
import dev.jwc.runtime.abi.Lifting;
import dev.jwc.runtime.abi.Lowering;
import dev.jwc.runtime.abi.StringHints;
import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.types.FuncType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import java.util.List;
import java.util.Optional;

/**
 * {@code canon lift}: a core function of component instance {@code inst} seen as a component function.
 * Reentrance is checked on entry; a trap leaves the instance unenterable, as Wasmtime does.
 */
record LiftedFunc(InstanceState inst, CoreFunc core, FuncType type, CanonOptions opts) implements ComponentFunc {

    @Override
    public Optional<Val> call(InstanceState caller, List<Val> args, StringHints hints) {
        List<ValueType> params = type.paramTypes();
        if (args.size() != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " arguments, got " + args.size());
        }
        inst.enterFrom(caller);
        long[] callerContext = inst.beginTask();
        CallScope scope = new CallScope();
        AbiContext cx = new AbiContext(opts, inst, scope, hints, caller == null);
        long[] flatArgs = Lowering.lowerFlatValues(cx, Layout.MAX_FLAT_PARAMS, args, params, Optional.empty());
        long[] flatResults = core.call(flatArgs);
        List<ValueType> resultTypes = type.result().stream().toList();
        List<Val> results = Lifting.liftFlatValues(cx, Layout.MAX_FLAT_RESULTS, new Lifting.Values(flatResults),
                resultTypes);
        scope.checkNoBorrows();
        if (opts.postReturn().isPresent()) {
            inst.setMayLeave(false);
            opts.postReturn().get().call(flatResults);
            inst.setMayLeave(true);
        }
        inst.endTask(callerContext);
        inst.leaveTo(caller);
        return results.stream().findFirst();
    }
}
