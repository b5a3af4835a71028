package dev.jwc.tools;

import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.ValType;
import java.util.List;
import java.util.Optional;

/**
 * The canonical built-ins a module imports from {@code $root} by wit-component's names
 * ({@code [backpressure-inc]}, {@code [waitable-set-wait]}, {@code [context-get-0]}, ...), each with the core type
 * its import must have.
 */
final class Builtins {
    private static final String ERROR_CONTEXT_NEW = "[error-context-new-";
    private static final String ERROR_CONTEXT_DEBUG = "[error-context-debug-message-";
    private static final String CONTEXT_GET = "[context-get-";
    private static final String CONTEXT_SET = "[context-set-";
    static final String THREAD_NEW_INDIRECT = "[thread-new-indirect-v0]";
    private static final String STACK_POINTER = "__wasm_get_stack_pointer";
    private static final String SET_STACK_POINTER = "__wasm_set_stack_pointer";
    private static final String TLS_BASE = "__wasm_get_tls_base";
    private static final String SET_TLS_BASE = "__wasm_set_tls_base";

    private Builtins() {}

    /**
     * The built-in {@code name} names, or empty when it names none; {@code async} and {@code cancellable} are the
     * name's {@code [async-lower]} and {@code [cancellable]} prefixes, already taken off.
     */
    static Optional<Lowerings.Classified> classify(String name, boolean async, boolean cancellable) {
        Lowerings.Classified c = switch (name) {
            case "[backpressure-inc]" -> builtin(new Canon.BackpressureInc(), List.of(), List.of());
            case "[backpressure-dec]" -> builtin(new Canon.BackpressureDec(), List.of(), List.of());
            case "[waitable-set-new]" -> builtin(new Canon.WaitableSetNew(), List.of(), List.of(NumType.I32));
            case "[waitable-set-wait]", "[waitable-set-poll]" -> new Lowerings.Classified(
                    new Lowerings.Binding.WaitableSet(name.endsWith("poll]"), cancellable),
                    type(List.of(NumType.I32, NumType.I32), List.of(NumType.I32)));
            case "[waitable-set-drop]" -> builtin(new Canon.WaitableSetDrop(), List.of(NumType.I32), List.of());
            case "[waitable-join]" -> builtin(new Canon.WaitableJoin(), List.of(NumType.I32, NumType.I32), List.of());
            case "[thread-yield]" -> builtin(new Canon.ThreadYield(cancellable), List.of(), List.of(NumType.I32));
            case "[thread-index]" -> builtin(new Canon.ThreadIndex(), List.of(), List.of(NumType.I32));
            case "[thread-resume-later]" -> builtin(new Canon.ThreadResumeLater(), List.of(NumType.I32), List.of());
            case "[thread-suspend]" -> builtin(new Canon.ThreadSuspend(cancellable), List.of(), List.of(NumType.I32));
            case "[thread-suspend-then-resume]" -> builtin(new Canon.ThreadSuspendThenResume(cancellable),
                    List.of(NumType.I32), List.of(NumType.I32));
            case "[thread-yield-then-resume]" -> builtin(new Canon.ThreadYieldThenResume(cancellable),
                    List.of(NumType.I32), List.of(NumType.I32));
            case "[thread-suspend-then-promote]" -> builtin(new Canon.ThreadSuspendThenPromote(cancellable),
                    List.of(NumType.I32), List.of(NumType.I32));
            case "[thread-yield-then-promote]" -> builtin(new Canon.ThreadYieldThenPromote(cancellable),
                    List.of(NumType.I32), List.of(NumType.I32));
            case THREAD_NEW_INDIRECT -> new Lowerings.Classified(new Lowerings.Binding.ThreadNewIndirect(),
                    type(List.of(NumType.I32, NumType.I32), List.of(NumType.I32)));
            case "[subtask-drop]" -> builtin(new Canon.SubtaskDrop(), List.of(NumType.I32), List.of());
            case "[subtask-cancel]" -> builtin(new Canon.SubtaskCancel(async), List.of(NumType.I32),
                    List.of(NumType.I32));
            case "[error-context-drop]" -> builtin(new Canon.ErrorContextDrop(), List.of(NumType.I32), List.of());
            default -> numbered(name).or(() -> errorContext(name)).orElse(null);
        };
        if (c != null && async && !(c.binding() instanceof Lowerings.Binding.Builtin(Canon.SubtaskCancel s))) {
            throw new ToolsException("`" + name + "` cannot be imported `[async-lower]`");
        }
        return Optional.ofNullable(c);
    }

    /**
     * The {@code env} symbols {@code wasm-ld} leaves for threads: the stack pointer lives in context slot 0, the TLS
     * base in slot 1 when the module starts threads ({@code threads}), else in a global of the shim. Their type
     * ({@code i32} or {@code i64}) is the import's.
     */
    static Optional<Lowerings.Binding> env(String name, FuncType actual, boolean threads) {
        boolean get = name.equals(STACK_POINTER) || name.equals(TLS_BASE);
        boolean set = name.equals(SET_STACK_POINTER) || name.equals(SET_TLS_BASE);
        List<ValType> value = get ? actual.results() : actual.params();
        if (!(get || set) || value.size() != 1 || !(get ? actual.params() : actual.results()).isEmpty()
                || !(value.getFirst() == NumType.I32 || value.getFirst() == NumType.I64)) {
            return Optional.empty();
        }
        ValType type = value.getFirst();
        boolean tls = name.equals(TLS_BASE) || name.equals(SET_TLS_BASE);
        if (tls && !threads) {
            return Optional.of(new Lowerings.Binding.ShimGlobal(type, get));
        }
        int slot = tls ? 1 : 0;
        return Optional.of(new Lowerings.Binding.Builtin(get ? new Canon.ContextGet(type, slot)
                : new Canon.ContextSet(type, slot)));
    }

    /** {@code [context-get-N]} and {@code [context-set-N]}. */
    private static Optional<Lowerings.Classified> numbered(String name) {
        for (String prefix : List.of(CONTEXT_GET, CONTEXT_SET)) {
            if (name.startsWith(prefix) && name.endsWith("]")) {
                String digits = name.substring(prefix.length(), name.length() - 1);
                if (!digits.matches("[0-9]{1,9}")) {
                    return Optional.empty();
                }
                int slot = Integer.parseInt(digits);
                return Optional.of(prefix.equals(CONTEXT_GET)
                        ? builtin(new Canon.ContextGet(NumType.I32, slot), List.of(), List.of(NumType.I32))
                        : builtin(new Canon.ContextSet(NumType.I32, slot), List.of(NumType.I32), List.of()));
            }
        }
        return Optional.empty();
    }

    /** {@code [error-context-new-ENC]} and {@code [error-context-debug-message-ENC]}. */
    private static Optional<Lowerings.Classified> errorContext(String name) {
        for (String prefix : List.of(ERROR_CONTEXT_NEW, ERROR_CONTEXT_DEBUG)) {
            if (name.startsWith(prefix) && name.endsWith("]")) {
                CanonOpt.StringEncoding encoding = switch (name.substring(prefix.length(), name.length() - 1)) {
                    case "utf8" -> CanonOpt.StringEncoding.UTF8;
                    case "utf16" -> CanonOpt.StringEncoding.UTF16;
                    case "latin1+utf16" -> CanonOpt.StringEncoding.LATIN1_UTF16;
                    default -> null;
                };
                if (encoding == null) {
                    return Optional.empty();
                }
                boolean debug = prefix.equals(ERROR_CONTEXT_DEBUG);
                return Optional.of(new Lowerings.Classified(new Lowerings.Binding.ErrorContext(debug, encoding),
                        type(List.of(NumType.I32, NumType.I32), debug ? List.of() : List.of(NumType.I32))));
            }
        }
        return Optional.empty();
    }

    private static Lowerings.Classified builtin(Canon canon, List<ValType> params, List<ValType> results) {
        return new Lowerings.Classified(new Lowerings.Binding.Builtin(canon), type(params, results));
    }

    private static FuncType type(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }
}
