package dev.jwc.binary.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Canonical definitions: lifting, lowering and the built-ins, with the core types they have. */
final class Canons {
    private static final FuncType REALLOC32 = sig(List.of(NumType.I32, NumType.I32, NumType.I32, NumType.I32),
            List.of(NumType.I32));
    private static final FuncType REALLOC64 = sig(List.of(NumType.I64, NumType.I64, NumType.I64, NumType.I64),
            List.of(NumType.I64));
    private static final FuncType CALLBACK = sig(List.of(NumType.I32, NumType.I32, NumType.I32), List.of(NumType.I32));

    private final Context cx;
    private final TypeResolver types;

    Canons(Context cx, TypeResolver types) {
        this.cx = cx;
        this.types = types;
    }

    private static FuncType sig(List<? extends ValType> params, List<? extends ValType> results) {
        return new FuncType(List.copyOf(params), List.copyOf(results));
    }

    private static FuncType sig(String params, String results) {
        return sig(parse(params), parse(results));
    }

    private static List<ValType> parse(String s) {
        List<ValType> out = new ArrayList<>();
        for (String t : s.split(" ")) {
            if (!t.isEmpty()) {
                out.add(t.equals("i64") ? NumType.I64 : NumType.I32);
            }
        }
        return out;
    }

    /** The options of one canonical definition, after checking them individually. */
    private record Options(Optional<CanonOpt.StringEncoding> encoding, Optional<MemoryType> memory,
            Optional<Integer> realloc, Optional<Integer> postReturn, boolean async, Optional<Integer> callback,
            Optional<Integer> coreType, boolean gc) {

        NumType pointer() {
            return memory.map(m -> m.memory64() ? NumType.I64 : NumType.I32).orElse(NumType.I32);
        }
    }

    private Options options(Scope s, List<CanonOpt> opts) {
        Optional<CanonOpt.StringEncoding> encoding = Optional.empty();
        Optional<MemoryType> memory = Optional.empty();
        Optional<Integer> realloc = Optional.empty();
        Optional<Integer> postReturn = Optional.empty();
        boolean async = false;
        Optional<Integer> callback = Optional.empty();
        Optional<Integer> coreType = Optional.empty();
        boolean gc = false;
        for (CanonOpt o : opts) {
            switch (o) {
                case CanonOpt.StringEncoding e -> {
                    if (encoding.isPresent()) {
                        throw cx.fail("canonical encoding option `" + name(encoding.get()) + "` conflicts with option `"
                                + name(e) + "`");
                    }
                    encoding = Optional.of(e);
                }
                case CanonOpt.Memory m -> {
                    once(memory, "memory");
                    MemoryType type = TypeResolver.at(cx, s.coreMemories, m.memory(), "memory", "memory");
                    if (type.shared()) {
                        throw cx.fail("canonical option `memory` must be an unshared memory: mismatch in the shared "
                                + "flag for memories");
                    }
                    if (type.memory64()) {
                        cx.require(Feature.CM64, "64-bit memories require the `cm64` feature to be enabled");
                    }
                    memory = Optional.of(type);
                }
                case CanonOpt.Realloc r -> {
                    once(realloc, "realloc");
                    coreFunc(s, r.func());
                    realloc = Optional.of(r.func());
                }
                case CanonOpt.PostReturn p -> {
                    once(postReturn, "post-return");
                    coreFunc(s, p.func());
                    postReturn = Optional.of(p.func());
                }
                case CanonOpt.Async a -> {
                    if (async) {
                        throw cx.fail("canonical option `async` is specified more than once");
                    }
                    cx.require(Feature.CM_ASYNC, "canonical option `async` requires the component model async feature");
                    async = true;
                }
                case CanonOpt.Callback c -> {
                    once(callback, "callback");
                    coreFunc(s, c.func());
                    callback = Optional.of(c.func());
                }
                case CanonOpt.CoreType t -> {
                    once(coreType, "core-type");
                    cx.require(Feature.CM_GC, "canonical option `core-type` requires the component model gc feature");
                    coreType = Optional.of(t.type());
                }
                case CanonOpt.Gc g -> {
                    if (gc) {
                        throw cx.fail("canonical option `gc` is specified more than once");
                    }
                    cx.require(Feature.CM_GC, "canonical option `gc` requires the component model gc feature");
                    gc = true;
                }
            }
        }
        if (coreType.isPresent() && !gc) {
            throw cx.fail("cannot specify `core-type` without `gc`");
        }
        Options result = new Options(encoding, memory, realloc, postReturn, async, callback, coreType, gc);
        if (realloc.isPresent()) {
            if (memory.isEmpty()) {
                throw cx.fail("canonical option `realloc` requires `memory` to also be specified");
            }
            if (!coreFunc(s, realloc.get()).equals(result.pointer() == NumType.I64 ? REALLOC64 : REALLOC32)) {
                throw cx.fail("canonical option `realloc` uses a core function with an incorrect signature");
            }
        }
        if (callback.isPresent()) {
            if (!async) {
                throw cx.fail("cannot specify callback without async");
            }
            if (!coreFunc(s, callback.get()).equals(CALLBACK)) {
                throw cx.fail("canonical option `callback` uses a core function with an incorrect signature");
            }
        }
        if (postReturn.isPresent() && async) {
            throw cx.fail("cannot specify post-return function in async");
        }
        return result;
    }

    private static String name(CanonOpt.StringEncoding e) {
        return e == CanonOpt.StringEncoding.LATIN1_UTF16 ? "latin1-utf16" : e.keyword();
    }

    private void once(Optional<?> seen, String option) {
        if (seen.isPresent()) {
            throw cx.fail("canonical option `" + option + "` is specified more than once");
        }
    }

    private FuncType coreFunc(Scope s, int index) {
        return TypeResolver.at(cx, s.coreFuncs, index, "core function", "function").type();
    }

    private void requireMemory(Options o) {
        if (o.memory().isEmpty()) {
            throw cx.fail("canonical option `memory` is required");
        }
    }

    private void requireRealloc(Options o) {
        if (o.realloc().isEmpty()) {
            throw cx.fail("canonical option `realloc` is required");
        }
    }

    private void noOption(boolean present, String message) {
        if (present) {
            throw cx.fail(message);
        }
    }

    void define(Scope s, Canon canon) {
        switch (canon) {
            case Canon.Lift l -> s.funcs.add(lift(s, l));
            case Canon.Lower l -> s.coreFuncs.add(lower(s, l));
            case Canon.ResourceNew r -> {
                Scope.LocalResource local = local(s, r.resource());
                s.coreFuncs.add(plain(sig(List.of(local.rep()), List.of(NumType.I32))));
            }
            case Canon.ResourceDrop r -> {
                types.resource(s, r.resource());
                s.coreFuncs.add(plain(sig("i32", "")));
            }
            case Canon.ResourceRep r -> {
                Scope.LocalResource local = local(s, r.resource());
                s.coreFuncs.add(plain(sig(List.of(NumType.I32), List.of(local.rep()))));
            }
            default -> s.coreFuncs.add(plain(builtin(s, canon)));
        }
    }

    /** A core function whose type has no concrete references. */
    private static CoreEntity.Func plain(FuncType type) {
        return new CoreEntity.Func(type, CoreTypeSpace.NONE);
    }

    private Scope.LocalResource local(Scope s, int index) {
        ResourceId r = types.resource(s, index);
        Scope.LocalResource local = s.localResources.get(r);
        if (local == null) {
            throw cx.fail("type index " + Integer.toUnsignedString(index) + " is not a local resource");
        }
        return local;
    }

    private FunctionType lift(Scope s, Canon.Lift l) {
        CoreEntity.Func coreEntry = TypeResolver.at(cx, s.coreFuncs, l.coreFunc(), "core function", "function");
        FuncType core = coreEntry.type();
        FunctionType f = types.funcType(s, l.type());
        Options o = options(s, l.options());
        noOption(o.coreType().isPresent(), "canonical option `core-type` is not allowed in `canon lift`");
        if (o.async()) {
            if (o.callback().isEmpty()) {
                cx.require(Feature.CM_ASYNC_STACKFUL, "requires the component model async stackful feature");
            }
            if (!f.async()) {
                throw cx.fail("the `async` canonical option requires an async function type");
            }
        }
        List<NumType> params = CanonicalAbi.flattenParams(f, o.pointer());
        List<NumType> results = CanonicalAbi.flattenResult(f, o.pointer());
        boolean paramsInMemory = params.size() > CanonicalAbi.MAX_FLAT_PARAMS
                || f.params().stream().anyMatch(p -> CanonicalAbi.usesMemory(p.type()));
        // An async lift passes its result to task.return, flattened as parameters.
        boolean resultInMemory = f.result().map(CanonicalAbi::usesMemory).orElse(false)
                || results.size() > (o.async() ? CanonicalAbi.MAX_FLAT_PARAMS : CanonicalAbi.MAX_FLAT_RESULTS);
        if (o.gc()) {
            // The GC flavour passes values as GC references, not through linear memory.
            GcLowering.check(cx, f, core, coreEntry.space(), o.encoding().orElse(CanonOpt.StringEncoding.UTF8));
            return f;
        }
        if (paramsInMemory || resultInMemory) {
            requireMemory(o);
        }
        if (paramsInMemory) {
            requireRealloc(o);
        }
        FuncType expected = CanonicalAbi.lift(f, o.async(), o.callback().isPresent(), o.pointer());
        if (!expected.params().equals(core.params())) {
            throw cx.fail("lowered parameter types `" + CanonicalAbi.debug(expected.params())
                    + "` do not match parameter types `" + CanonicalAbi.debug(core.params()) + "` of core function "
                    + Integer.toUnsignedString(l.coreFunc()));
        }
        if (!expected.results().equals(core.results())) {
            throw cx.fail("lowered result types `" + CanonicalAbi.debug(expected.results())
                    + "` do not match result types `" + CanonicalAbi.debug(core.results()) + "` of core function "
                    + Integer.toUnsignedString(l.coreFunc()));
        }
        if (o.postReturn().isPresent()
                && !coreFunc(s, o.postReturn().get()).equals(sig(expected.results(), List.of()))) {
            throw cx.fail("canonical option `post-return` uses a core function with an incorrect signature");
        }
        return f;
    }

    private CoreEntity.Func lower(Scope s, Canon.Lower l) {
        FunctionType f = TypeResolver.at(cx, s.funcs, l.func(), "function", "function");
        Options o = options(s, l.options());
        noOption(o.postReturn().isPresent(), "canonical option `post-return` cannot be specified for lowerings");
        if (o.async() && !f.async()) {
            throw cx.fail("the `async` canonical option requires an async function type");
        }
        noOption(o.callback().isPresent(), "canonical option `callback` cannot be specified for lowerings");
        noOption(o.gc() && o.coreType().isEmpty(),
                "cannot specify `gc` without also specifying a `core-type` for lowerings");
        List<NumType> params = CanonicalAbi.flattenParams(f, o.pointer());
        List<NumType> results = CanonicalAbi.flattenResult(f, o.pointer());
        int maxParams = o.async() ? CanonicalAbi.MAX_FLAT_ASYNC_PARAMS : CanonicalAbi.MAX_FLAT_PARAMS;
        boolean paramsInMemory = params.size() > maxParams
                || f.params().stream().anyMatch(p -> CanonicalAbi.usesMemory(p.type()));
        boolean resultUsesMemory = f.result().map(CanonicalAbi::usesMemory).orElse(false);
        boolean resultInMemory = resultUsesMemory || results.size() > CanonicalAbi.MAX_FLAT_RESULTS
                || o.async() && f.result().isPresent();
        if ((paramsInMemory || resultInMemory) && !o.gc()) {
            requireMemory(o);
        }
        if (resultUsesMemory && !o.gc()) {
            requireRealloc(o);
        }
        if (o.gc()) {
            FuncType core = CoreModules.coreFuncType(cx, s, o.coreType().get());
            GcLowering.check(cx, f, core, s.coreTypeSpace(), o.encoding().orElse(CanonOpt.StringEncoding.UTF8));
            return new CoreEntity.Func(core, s.coreTypeSpace());
        }
        return plain(CanonicalAbi.lower(f, o.async(), o.pointer()));
    }

    private FuncType builtin(Scope s, Canon canon) {
        return switch (canon) {
            case Canon.BackpressureInc b -> async("backpressure.inc", sig("", ""));
            case Canon.BackpressureDec b -> async("backpressure.dec", sig("", ""));
            case Canon.TaskReturn t -> taskReturn(s, t);
            case Canon.TaskCancel t -> async("task.cancel", sig("", ""));
            case Canon.ContextGet c -> {
                contextSlot(s, "context.get", c.type(), c.slot());
                yield sig(List.of(), List.of(c.type()));
            }
            case Canon.ContextSet c -> {
                contextSlot(s, "context.set", c.type(), c.slot());
                yield sig(List.of(c.type()), List.of());
            }
            case Canon.SubtaskCancel c -> {
                moreAsyncIf(c.async());
                yield async("subtask.cancel", sig("i32", "i32"));
            }
            case Canon.SubtaskDrop d -> async("subtask.drop", sig("i32", ""));
            case Canon.StreamNew n -> {
                stream(s, n.type(), "stream.new");
                yield async("stream.new", sig("", "i64"));
            }
            case Canon.StreamRead r -> {
                Optional<ValueType> payload = stream(s, r.type(), "stream.read");
                transfer(s, payload, r.options(), true);
                yield sig("i32 i32 i32", "i32");
            }
            case Canon.StreamWrite w -> {
                Optional<ValueType> payload = stream(s, w.type(), "stream.write");
                transfer(s, payload, w.options(), false);
                yield sig("i32 i32 i32", "i32");
            }
            case Canon.StreamCancelRead c -> {
                stream(s, c.type(), "stream.cancel-read");
                moreAsyncIf(c.async());
                yield async("stream.cancel-read", sig("i32", "i32"));
            }
            case Canon.StreamCancelWrite c -> {
                stream(s, c.type(), "stream.cancel-write");
                moreAsyncIf(c.async());
                yield async("stream.cancel-write", sig("i32", "i32"));
            }
            case Canon.StreamDropReadable d -> {
                stream(s, d.type(), "stream.drop-readable");
                yield async("stream.drop-readable", sig("i32", ""));
            }
            case Canon.StreamDropWritable d -> {
                stream(s, d.type(), "stream.drop-writable");
                yield async("stream.drop-writable", sig("i32", ""));
            }
            case Canon.FutureNew n -> {
                future(s, n.type(), "future.new");
                yield async("future.new", sig("", "i64"));
            }
            case Canon.FutureRead r -> {
                Optional<ValueType> payload = future(s, r.type(), "future.read");
                transfer(s, payload, r.options(), true);
                yield sig("i32 i32", "i32");
            }
            case Canon.FutureWrite w -> {
                Optional<ValueType> payload = future(s, w.type(), "future.write");
                transfer(s, payload, w.options(), false);
                yield sig("i32 i32", "i32");
            }
            case Canon.FutureCancelRead c -> {
                future(s, c.type(), "future.cancel-read");
                moreAsyncIf(c.async());
                yield async("future.cancel-read", sig("i32", "i32"));
            }
            case Canon.FutureCancelWrite c -> {
                future(s, c.type(), "future.cancel-write");
                moreAsyncIf(c.async());
                yield async("future.cancel-write", sig("i32", "i32"));
            }
            case Canon.FutureDropReadable d -> {
                future(s, d.type(), "future.drop-readable");
                yield async("future.drop-readable", sig("i32", ""));
            }
            case Canon.FutureDropWritable d -> {
                future(s, d.type(), "future.drop-writable");
                yield async("future.drop-writable", sig("i32", ""));
            }
            case Canon.ErrorContextNew e -> {
                errorContext("error-context.new");
                options(s, e.options());
                yield sig("i32 i32", "i32");
            }
            case Canon.ErrorContextDebugMessage e -> {
                errorContext("error-context.debug-message");
                options(s, e.options());
                yield sig("i32 i32", "");
            }
            case Canon.ErrorContextDrop e -> {
                errorContext("error-context.drop");
                yield sig("i32", "");
            }
            case Canon.WaitableSetNew w -> async("waitable-set.new", sig("", "i32"));
            case Canon.WaitableSetWait w -> {
                TypeResolver.at(cx, s.coreMemories, w.memory(), "memory", "memory");
                yield async("waitable-set.wait", sig("i32 i32", "i32"));
            }
            case Canon.WaitableSetPoll w -> {
                TypeResolver.at(cx, s.coreMemories, w.memory(), "memory", "memory");
                yield async("waitable-set.poll", sig("i32 i32", "i32"));
            }
            case Canon.WaitableSetDrop w -> async("waitable-set.drop", sig("i32", ""));
            case Canon.WaitableJoin w -> async("waitable.join", sig("i32 i32", ""));
            case Canon.ThreadIndex t -> threading("thread.index", sig("", "i32"));
            case Canon.ThreadNewIndirect t -> {
                requireThreading("thread.new-indirect");
                if (!CoreModules.coreFuncType(cx, s, t.funcType()).equals(sig("i32", ""))) {
                    throw cx.fail("start function must take a single `i32` argument");
                }
                TypeResolver.at(cx, s.coreTables, t.table(), "table", "table");
                yield sig("i32 i32", "i32");
            }
            case Canon.ThreadResumeLater t -> threading("thread.resume-later", sig("i32", ""));
            case Canon.ThreadSuspend t -> threading("thread.suspend", sig("", "i32"));
            case Canon.ThreadYield t -> async("thread.yield", sig("", "i32"));
            case Canon.ThreadSuspendThenResume t -> threading("thread.suspend-then-resume", sig("i32", "i32"));
            case Canon.ThreadYieldThenResume t -> threading("thread.yield-then-resume", sig("i32", "i32"));
            case Canon.ThreadSuspendThenPromote t -> threading("thread.suspend-then-promote", sig("i32", "i32"));
            case Canon.ThreadYieldThenPromote t -> threading("thread.yield-then-promote", sig("i32", "i32"));
            case Canon.ThreadSpawnRef t -> {
                shared("thread.spawn-ref");
                CoreModules.coreFuncType(cx, s, t.funcType());
                yield sig("i32", "i32");
            }
            case Canon.ThreadSpawnIndirect t -> {
                shared("thread.spawn-indirect");
                CoreModules.coreFuncType(cx, s, t.funcType());
                TypeResolver.at(cx, s.coreTables, t.table(), "table", "table");
                yield sig("i32 i32", "i32");
            }
            case Canon.ThreadAvailableParallelism t -> {
                shared("thread.available_parallelism");
                yield sig("", "i32");
            }
            case Canon.Lift l -> throw new IllegalStateException("lift defines a component function");
            case Canon.Lower l -> throw new IllegalStateException("handled by lower");
            case Canon.ResourceNew r -> throw new IllegalStateException("handled by define");
            case Canon.ResourceDrop r -> throw new IllegalStateException("handled by define");
            case Canon.ResourceRep r -> throw new IllegalStateException("handled by define");
        };
    }

    private FuncType async(String name, FuncType type) {
        requireAsync(name);
        return type;
    }

    private void requireAsync(String name) {
        cx.require(Feature.CM_ASYNC, "`" + name + "` requires the component model async feature");
    }

    private FuncType threading(String name, FuncType type) {
        requireThreading(name);
        return type;
    }

    private void requireThreading(String name) {
        cx.require(Feature.CM_THREADING, "`" + name + "` requires the component model threading feature");
    }

    private void shared(String name) {
        cx.require(Feature.SHARED_EVERYTHING_THREADS, "`" + name + "` requires the shared-everything-threads proposal");
    }

    private void errorContext(String name) {
        cx.require(Feature.CM_ERROR_CONTEXT, "`" + name + "` requires the component model error-context feature");
    }

    private void moreAsyncIf(boolean async) {
        if (async) {
            cx.require(Feature.CM_MORE_ASYNC_BUILTINS, "requires the component model more async builtins feature");
        }
    }

    private void contextSlot(Scope s, String name, ValType type, int slot) {
        requireAsync(name);
        if (type == NumType.I64) {
            cx.require(Feature.CM64, "64-bit `" + name + "` requires the component model 64-bit feature");
        } else if (type != NumType.I32) {
            throw cx.fail("`" + name + "` only supports `i32` or `i64`");
        }
        if (cx.has(Feature.CM_THREADING)) {
            if (Integer.compareUnsigned(slot, 1) > 0) {
                throw cx.fail("immediate must be zero or one: " + Integer.toUnsignedString(slot));
            }
        } else if (slot != 0) {
            throw cx.fail("immediate must be zero: " + Integer.toUnsignedString(slot));
        }
        if (s.contextType == null) {
            s.contextType = type;
        } else if (!s.contextType.equals(type)) {
            throw cx.fail("type must match previous context type");
        }
    }

    private FuncType taskReturn(Scope s, Canon.TaskReturn t) {
        requireAsync("task.return");
        Optional<ValueType> result = t.result().map(v -> types.value(s, v));
        Options o = options(s, t.options());
        noOption(o.async(), "cannot specify `async` option on `task.return`");
        noOption(o.realloc().isPresent(), "cannot specify `realloc` option on `task.return`");
        noOption(o.postReturn().isPresent(), "cannot specify `post-return` option on `task.return`");
        noOption(o.callback().isPresent(), "cannot specify `callback` option on `task.return`");
        List<NumType> flat = result.map(r -> CanonicalAbi.flatten(r, o.pointer())).orElse(List.of());
        if (result.map(CanonicalAbi::usesMemory).orElse(false) || flat.size() > CanonicalAbi.MAX_FLAT_PARAMS) {
            requireMemory(o);
        }
        if (flat.size() > CanonicalAbi.MAX_FLAT_PARAMS) {
            flat = List.of(o.pointer());
        }
        return sig(flat, List.of());
    }

    /** Checks a stream type operand and returns its element type. */
    private Optional<ValueType> stream(Scope s, int type, String name) {
        requireAsync(name);
        if (types.type(s, type) instanceof ValueType.Stream st) {
            return st.element();
        }
        throw cx.fail("`" + name + "` requires a stream type");
    }

    /** Checks a future type operand and returns its payload type. */
    private Optional<ValueType> future(Scope s, int type, String name) {
        requireAsync(name);
        if (types.type(s, type) instanceof ValueType.Future f) {
            return f.element();
        }
        throw cx.fail("`" + name + "` requires a future type");
    }

    /** The options of a stream or future read or write, which copies payloads through linear memory. */
    private void transfer(Scope s, Optional<ValueType> payload, List<CanonOpt> opts, boolean read) {
        Options o = options(s, opts);
        if (!o.async()) {
            cx.require(Feature.CM_MORE_ASYNC_BUILTINS, "requires the component model more async builtins feature");
        }
        if (payload.isPresent()) {
            requireMemory(o);
            if (read && CanonicalAbi.usesMemory(payload.get())) {
                requireRealloc(o);
            }
        }
    }
}
