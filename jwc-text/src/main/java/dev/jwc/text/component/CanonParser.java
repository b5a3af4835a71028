package dev.jwc.text.component;

import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.ValType;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.core.CoreTypeSyntax;
import dev.jwc.text.sexpr.Cursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code canon} definitions: {@code lift}, {@code lower} and the built-ins, with their options. */
final class CanonParser {
    private CanonParser() {
    }

    /** {@code (core func ref) opts*} of {@code canon lift}, to be completed with the function type. */
    record Lift(Ref coreFunc, List<Deferred<CanonOpt>> options) {
        Deferred<Canon> withType(Ref type) {
            return s -> {
                int t = s.resolve(ComponentSort.TYPE, type);
                int f = s.resolveCore(CoreSort.FUNC, coreFunc);
                return new Canon.Lift(f, resolveAll(options, s), t);
            };
        }
    }

    static Lift lift(Cursor c, IndexSyntax syntax) {
        Cursor f = c.list("core");
        f.expectKeyword("func");
        Ref func = RefParser.ref(f);
        f.expectEnd();
        return new Lift(func, options(c, syntax));
    }

    /**
     * Every canon definition but {@code lift}: {@code c} is past the operation keyword {@code op}; the
     * trailing {@code (core func $id?)} is left to the caller.
     */
    static Deferred<Canon> coreFunc(String op, Cursor c, TypeParser types, Hoist h) {
        Position at = c.position();
        return switch (op) {
            case "lower" -> {
                Cursor f = c.list("func");
                Ref func = RefParser.ref(f);
                f.expectEnd();
                List<Deferred<CanonOpt>> opts = options(c, types.syntax());
                yield s -> {
                    int index = s.resolve(ComponentSort.FUNC, func);
                    return new Canon.Lower(index, resolveAll(opts, s));
                };
            }
            case "resource.new" -> typed(c, Canon.ResourceNew::new);
            case "resource.drop" -> {
                Deferred<Canon> d = typed(c, Canon.ResourceDrop::new);
                c.takeKeyword("async");
                yield d;
            }
            case "resource.rep" -> typed(c, Canon.ResourceRep::new);
            case "backpressure.inc" -> s -> new Canon.BackpressureInc();
            case "backpressure.dec" -> s -> new Canon.BackpressureDec();
            case "task.return" -> {
                Deferred<Optional<ValType>> result = s -> Optional.empty();
                if (c.peekList("result")) {
                    Cursor r = c.list("result");
                    Deferred<ValType> t = types.valType(r, h);
                    r.expectEnd();
                    result = s -> Optional.of(t.resolve(s));
                }
                List<Deferred<CanonOpt>> opts = options(c, types.syntax());
                Deferred<Optional<ValType>> resultF = result;
                yield s -> new Canon.TaskReturn(resultF.resolve(s), resolveAll(opts, s));
            }
            case "task.cancel" -> s -> new Canon.TaskCancel();
            case "context.get", "context.set" -> {
                var type = new CoreTypeSyntax().valType(c);
                int slot = c.u32();
                yield op.equals("context.get") ? s -> new Canon.ContextGet(type, slot)
                        : s -> new Canon.ContextSet(type, slot);
            }
            case "subtask.cancel" -> {
                boolean async = c.takeKeyword("async");
                yield s -> new Canon.SubtaskCancel(async);
            }
            case "subtask.drop" -> s -> new Canon.SubtaskDrop();
            case "stream.new" -> typed(c, Canon.StreamNew::new);
            case "stream.read" -> typedWithOptions(c, Canon.StreamRead::new, types.syntax());
            case "stream.write" -> typedWithOptions(c, Canon.StreamWrite::new, types.syntax());
            case "stream.cancel-read" -> typedAsync(c, Canon.StreamCancelRead::new);
            case "stream.cancel-write" -> typedAsync(c, Canon.StreamCancelWrite::new);
            case "stream.drop-readable" -> typed(c, Canon.StreamDropReadable::new);
            case "stream.drop-writable" -> typed(c, Canon.StreamDropWritable::new);
            case "future.new" -> typed(c, Canon.FutureNew::new);
            case "future.read" -> typedWithOptions(c, Canon.FutureRead::new, types.syntax());
            case "future.write" -> typedWithOptions(c, Canon.FutureWrite::new, types.syntax());
            case "future.cancel-read" -> typedAsync(c, Canon.FutureCancelRead::new);
            case "future.cancel-write" -> typedAsync(c, Canon.FutureCancelWrite::new);
            case "future.drop-readable" -> typed(c, Canon.FutureDropReadable::new);
            case "future.drop-writable" -> typed(c, Canon.FutureDropWritable::new);
            case "error-context.new" -> {
                List<Deferred<CanonOpt>> opts = options(c, types.syntax());
                yield s -> new Canon.ErrorContextNew(resolveAll(opts, s));
            }
            case "error-context.debug-message" -> {
                List<Deferred<CanonOpt>> opts = options(c, types.syntax());
                yield s -> new Canon.ErrorContextDebugMessage(resolveAll(opts, s));
            }
            case "error-context.drop" -> s -> new Canon.ErrorContextDrop();
            case "waitable-set.new" -> s -> new Canon.WaitableSetNew();
            case "waitable-set.wait", "waitable-set.poll" -> {
                rejectCancellable(c);
                Cursor m = c.list("memory");
                Ref memory = RefParser.coreRef(m, "memory", types.syntax());
                m.expectEnd();
                yield op.equals("waitable-set.wait")
                        ? s -> new Canon.WaitableSetWait(false, s.resolveCore(CoreSort.MEMORY, memory))
                        : s -> new Canon.WaitableSetPoll(false, s.resolveCore(CoreSort.MEMORY, memory));
            }
            case "waitable-set.drop" -> s -> new Canon.WaitableSetDrop();
            case "waitable.join" -> s -> new Canon.WaitableJoin();
            case "thread.index" -> s -> new Canon.ThreadIndex();
            case "thread.new-indirect" -> {
                Ref type = RefParser.coreRef(c, "type", types.syntax());
                Ref table = RefParser.coreRef(c, "table", types.syntax());
                yield s -> {
                    int t = s.resolveCore(CoreSort.TYPE, type);
                    return new Canon.ThreadNewIndirect(t, s.resolveCore(CoreSort.TABLE, table));
                };
            }
            case "thread.resume-later" -> s -> new Canon.ThreadResumeLater();
            case "thread.suspend" -> cancellable(c, Canon.ThreadSuspend::new);
            case "thread.yield" -> cancellable(c, Canon.ThreadYield::new);
            case "thread.suspend-then-resume" -> cancellable(c, Canon.ThreadSuspendThenResume::new);
            case "thread.yield-then-resume" -> cancellable(c, Canon.ThreadYieldThenResume::new);
            case "thread.suspend-then-promote" -> cancellable(c, Canon.ThreadSuspendThenPromote::new);
            case "thread.yield-then-promote" -> cancellable(c, Canon.ThreadYieldThenPromote::new);
            case "thread.spawn-ref" -> {
                Ref type = RefParser.coreRef(c, "type", types.syntax());
                yield s -> new Canon.ThreadSpawnRef(s.resolveCore(CoreSort.TYPE, type));
            }
            case "thread.spawn-indirect" -> {
                Ref type = RefParser.coreRef(c, "type", types.syntax());
                Ref table = RefParser.coreRef(c, "table", types.syntax());
                yield s -> {
                    int t = s.resolveCore(CoreSort.TYPE, type);
                    return new Canon.ThreadSpawnIndirect(t, s.resolveCore(CoreSort.TABLE, table));
                };
            }
            case "thread.available-parallelism" -> s -> new Canon.ThreadAvailableParallelism();
            default -> throw new TextException(at, "unknown canonical function '" + op + "'");
        };
    }

    private static Deferred<Canon> typed(Cursor c, java.util.function.IntFunction<Canon> make) {
        Ref type = RefParser.typeRef(c);
        return s -> make.apply(s.resolve(ComponentSort.TYPE, type));
    }

    private interface TypedAsync {
        Canon make(int type, boolean async);
    }

    private static Deferred<Canon> typedAsync(Cursor c, TypedAsync make) {
        Ref type = RefParser.typeRef(c);
        boolean async = c.takeKeyword("async");
        return s -> make.make(s.resolve(ComponentSort.TYPE, type), async);
    }

    private interface TypedOptions {
        Canon make(int type, List<CanonOpt> options);
    }

    private static Deferred<Canon> typedWithOptions(Cursor c, TypedOptions make, IndexSyntax syntax) {
        Ref type = RefParser.typeRef(c);
        List<Deferred<CanonOpt>> opts = options(c, syntax);
        return s -> {
            int t = s.resolve(ComponentSort.TYPE, type);
            return make.make(t, resolveAll(opts, s));
        };
    }

    private static Deferred<Canon> cancellable(Cursor c, java.util.function.Function<Boolean, Canon> make) {
        rejectCancellable(c);
        return s -> make.apply(false);
    }

    /** The text format dropped {@code cancellable} (component-model#716); wasm-tools refuses it too. */
    private static void rejectCancellable(Cursor c) {
        if (c.peekKeyword("cancellable")) {
            throw c.error("the `cancellable` option is no longer supported after WebAssembly/component-model#716");
        }
    }

    /** Canonical options up to the end or the trailing sort. */
    static List<Deferred<CanonOpt>> options(Cursor c, IndexSyntax syntax) {
        List<Deferred<CanonOpt>> opts = new ArrayList<>();
        while (!c.atEnd()) {
            Position at = c.position();
            Optional<String> k = c.peekKeyword();
            if (k.isPresent()) {
                c.keyword();
                CanonOpt opt = switch (k.get()) {
                    case "string-encoding=utf8" -> CanonOpt.StringEncoding.UTF8;
                    case "string-encoding=utf16" -> CanonOpt.StringEncoding.UTF16;
                    case "string-encoding=latin1+utf16" -> CanonOpt.StringEncoding.LATIN1_UTF16;
                    case "async" -> new CanonOpt.Async();
                    case "gc" -> new CanonOpt.Gc();
                    default -> throw new TextException(at, "unknown canonical option '" + k.get() + "'");
                };
                opts.add(s -> opt);
                continue;
            }
            String head = c.peekListHead().orElse("");
            switch (head) {
                case "memory" -> {
                    Ref r = optionRef(c, head, "memory", syntax);
                    opts.add(s -> new CanonOpt.Memory(s.resolveCore(CoreSort.MEMORY, r)));
                }
                case "realloc" -> {
                    Ref r = optionRef(c, head, "func", syntax);
                    opts.add(s -> new CanonOpt.Realloc(s.resolveCore(CoreSort.FUNC, r)));
                }
                case "post-return" -> {
                    Ref r = optionRef(c, head, "func", syntax);
                    opts.add(s -> new CanonOpt.PostReturn(s.resolveCore(CoreSort.FUNC, r)));
                }
                case "callback" -> {
                    Ref r = optionRef(c, head, "func", syntax);
                    opts.add(s -> new CanonOpt.Callback(s.resolveCore(CoreSort.FUNC, r)));
                }
                case "core-type" -> {
                    Ref r = optionRef(c, head, "type", syntax);
                    opts.add(s -> new CanonOpt.CoreType(s.resolveCore(CoreSort.TYPE, r)));
                }
                default -> {
                    return opts;
                }
            }
        }
        return opts;
    }

    private static Ref optionRef(Cursor c, String head, String sort, IndexSyntax syntax) {
        Cursor l = c.list(head);
        Ref r = RefParser.coreRef(l, sort, syntax);
        l.expectEnd();
        return r;
    }

    static List<CanonOpt> resolveAll(List<Deferred<CanonOpt>> opts, Scope s) {
        List<CanonOpt> out = new ArrayList<>();
        for (Deferred<CanonOpt> o : opts) {
            out.add(o.resolve(s));
        }
        return out;
    }
}
