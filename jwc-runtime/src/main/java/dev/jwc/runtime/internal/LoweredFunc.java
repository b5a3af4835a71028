package dev.jwc.runtime.internal;

import dev.jwc.runtime.abi.AbiContext;
import dev.jwc.runtime.abi.CallScope;
import dev.jwc.runtime.abi.CanonOptions;
import dev.jwc.runtime.abi.InstanceState;
import dev.jwc.runtime.abi.Layout;
import dev.jwc.runtime.abi.Lifting;
import dev.jwc.runtime.abi.Lowering;
import dev.jwc.runtime.abi.ResourceBuiltins;
import dev.jwc.runtime.abi.Scalars;
import dev.jwc.runtime.abi.StringHints;
import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code canon lower}: component function {@code callee} made callable by core code of {@code inst}.
 * The flat signature is worked out once, here. An async lower also completes synchronously: results are
 * stored through the return pointer and the call reports RETURNED.
 */
final class LoweredFunc implements CoreFunc {
    private final InstanceState inst;
    private final ComponentFunc callee;
    private final CanonOptions opts;
    private final List<ValueType> params;
    private final List<ValueType> results;
    private final boolean spillParams;
    private final boolean spillResults;
    private final boolean host;
    /** The primitives of an all-scalar, synchronous signature, which skips the general lift/lower. */
    private final Optional<Primitive[]> scalarParams;
    private final Optional<Primitive[]> scalarResults;
    /** Subtask state RETURNED, with no subtask index: the call completed synchronously. */
    private static final long SUBTASK_RETURNED = 2;

    LoweredFunc(InstanceState inst, ComponentFunc callee, CanonOptions opts) {
        this.inst = inst;
        this.callee = callee;
        this.opts = opts;
        this.params = callee.type().paramTypes();
        this.results = callee.type().result().stream().toList();
        this.spillParams = Layout.flatten(params).size()
                > (opts.async() ? Layout.MAX_FLAT_ASYNC_PARAMS : Layout.MAX_FLAT_PARAMS);
        this.spillResults = Layout.flatten(results).size() > Layout.MAX_FLAT_RESULTS;
        this.host = callee instanceof HostFunc;
        Optional<Primitive[]> ps = opts.async() || spillParams ? Optional.empty() : Scalars.scalars(params);
        Optional<Primitive[]> rs = Scalars.scalars(results);
        this.scalarParams = rs.isPresent() ? ps : Optional.empty();
        this.scalarResults = ps.isPresent() ? rs : Optional.empty();
    }

    @Override
    public long[] call(long... args) {
        ResourceBuiltins.checkMayLeave(inst);
        if (scalarParams.isPresent()) {
            return callScalar(args, scalarParams.get(), scalarResults.get());
        }
        CallScope scope = new CallScope();
        StringHints hints = new StringHints();
        AbiContext cx = new AbiContext(opts, inst, scope, hints, host);
        List<Val> vals = Lifting.liftFlatValues(cx, spillParams, new Lifting.Values(args), params);
        Optional<Val> result = callee.call(inst, vals, hints);
        scope.releaseLenders();
        if (opts.async()) {
            // The callee ran to completion: results go to the return pointer, the status is RETURNED.
            if (!results.isEmpty()) {
                Lowering.lowerFlatValues(cx, true, result.stream().toList(), results,
                        Optional.of((int) args[args.length - 1]));
            }
            return new long[] {SUBTASK_RETURNED};
        }
        Optional<Integer> outParam = spillResults ? Optional.of((int) args[args.length - 1]) : Optional.empty();
        return Lowering.lowerFlatValues(cx, spillResults, result.stream().toList(), results, outParam);
    }

    /** {@link #call} for a signature of scalars only: no memory, strings or borrows are involved. */
    private long[] callScalar(long[] args, Primitive[] ps, Primitive[] rs) {
        Val[] vals = new Val[ps.length];
        for (int i = 0; i < vals.length; i++) {
            vals[i] = Scalars.lift(ps[i], args[i]);
        }
        Optional<Val> result = callee.call(inst, Arrays.asList(vals), new StringHints());
        return rs.length == 0 ? new long[0] : new long[] {Scalars.lower(rs[0], result.orElseThrow())};
    }
}
