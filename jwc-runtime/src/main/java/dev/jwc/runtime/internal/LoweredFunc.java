package dev.jwc.runtime.internal;

import dev.jwc.runtime.abi.AbiContext;
import dev.jwc.runtime.abi.CallScope;
import dev.jwc.runtime.abi.CanonOptions;
import dev.jwc.runtime.abi.InstanceState;
import dev.jwc.runtime.abi.Layout;
import dev.jwc.runtime.abi.Lifting;
import dev.jwc.runtime.abi.Lowering;
import dev.jwc.runtime.abi.ResourceBuiltins;
import dev.jwc.runtime.abi.StringHints;
import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import java.util.List;
import java.util.Optional;

/** {@code canon lower}: component function {@code callee} made callable by core code of {@code inst}. */
record LoweredFunc(InstanceState inst, ComponentFunc callee, CanonOptions opts) implements CoreFunc {

    @Override
    public long[] call(long... args) {
        ResourceBuiltins.checkMayLeave(inst);
        CallScope scope = new CallScope();
        StringHints hints = new StringHints();
        AbiContext cx = new AbiContext(opts, inst, scope, hints, callee instanceof HostFunc);
        List<ValueType> params = callee.type().paramTypes();
        Lifting.Values vi = new Lifting.Values(args);
        List<Val> vals = Lifting.liftFlatValues(cx, Layout.MAX_FLAT_PARAMS, vi, params);
        Optional<Val> result = callee.call(inst, vals, hints);
        scope.releaseLenders();
        List<ValueType> resultTypes = callee.type().result().stream().toList();
        Optional<Integer> outParam = Layout.flatten(resultTypes).size() > Layout.MAX_FLAT_RESULTS
                ? Optional.of((int) args[args.length - 1])
                : Optional.empty();
        return Lowering.lowerFlatValues(cx, Layout.MAX_FLAT_RESULTS, result.stream().toList(), resultTypes, outParam);
    }
}
