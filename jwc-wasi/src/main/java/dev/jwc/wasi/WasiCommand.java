package dev.jwc.wasi;

import dev.jwc.runtime.Component;
import dev.jwc.runtime.CoreModuleInstance;
import dev.jwc.runtime.Engine;
import dev.jwc.runtime.Func;
import dev.jwc.runtime.Instance;
import dev.jwc.runtime.Linker;
import dev.jwc.runtime.Store;
import dev.jwc.runtime.Trap;
import dev.jwc.types.Val;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a {@code wasi:cli/command} component: instantiates it against a {@link WasiHost} and calls
 * {@code wasi:cli/run#run} on a thread with a large stack (deep guest recursion becomes a trap, not a
 * JVM crash), interrupted when the optional timeout passes. Each run has its own store and guest thread,
 * so a runaway guest leaves nothing behind for the next run in the same JVM.
 */
public final class WasiCommand {
    /** Exit code of a trapped guest, as a process killed by SIGABRT (Wasmtime's code too). */
    public static final int TRAP_EXIT_CODE = 134;
    /** How long an interrupted guest gets to unwind before the run reports the timeout anyway. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);
    /** The guest thread's default stack: deep enough for real programs, bounded so runaway recursion ends soon. */
    public static final long DEFAULT_GUEST_STACK_BYTES = 128L << 20;
    private static final String RUN = "wasi:cli/run@0.2";

    /** How a run ended: an exit code, and the trap when the guest trapped. */
    public record Outcome(int exitCode, Optional<Trap> trap) {
    }

    private final Engine engine;
    private final long guestStackBytes;
    private final OptionalLong maxMemoryBytes;

    public WasiCommand(Engine engine) {
        this(engine, DEFAULT_GUEST_STACK_BYTES);
    }

    /** A runner whose guest thread has a stack of {@code guestStackBytes}. */
    public WasiCommand(Engine engine, long guestStackBytes) {
        this(engine, guestStackBytes, OptionalLong.empty());
    }

    private WasiCommand(Engine engine, long guestStackBytes, OptionalLong maxMemoryBytes) {
        this.engine = engine;
        this.guestStackBytes = guestStackBytes;
        this.maxMemoryBytes = maxMemoryBytes;
    }

    /**
     * This runner with each guest memory limited to {@code bytes} (Wasmtime's {@code -W max-memory-size}):
     * {@code memory.grow} beyond fails, a larger minimum size traps at instantiation.
     */
    public WasiCommand withMaxMemoryBytes(long bytes) {
        return new WasiCommand(engine, guestStackBytes, OptionalLong.of(bytes));
    }

    /**
     * Runs {@code wasm}: a {@code wasi:cli/command} component, or a core module exporting {@code _start}
     * that imports {@code wasi_snapshot_preview1} (served by {@link Preview1Host} over the same 0.2 host).
     */
    public Outcome run(byte[] wasm, WasiConfig config, Optional<Duration> timeout) {
        Supplier<Outcome> body = isComponent(wasm) ? component(wasm, config) : preview1(wasm, config);
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread guest = new Thread(null, () -> {
            try {
                outcome.set(body.get());
            } catch (WasiExit e) {
                outcome.set(new Outcome(e.code(), Optional.empty()));
            } catch (Trap e) {
                outcome.set(new Outcome(TRAP_EXIT_CODE, Optional.of(e)));
            } catch (StackOverflowError e) {
                outcome.set(new Outcome(TRAP_EXIT_CODE, Optional.of(new Trap("call stack exhausted", e))));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "wasi-guest", guestStackBytes);
        // a guest blocked in a host call that ignores interrupts must not keep the JVM alive
        guest.setDaemon(true);
        guest.start();
        boolean timedOut = join(guest, timeout);
        if (timedOut) {
            return new Outcome(TRAP_EXIT_CODE, Optional.of(new Trap("guest exceeded the timeout of "
                    + timeout.orElseThrow().toMillis() + " ms and was interrupted")));
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return java.util.Objects.requireNonNull(outcome.get(), "the guest thread ended without an outcome");
    }

    /**
     * A trap as {@code jwc run} reports it, Wasmtime style: the message, then the guest backtrace (innermost
     * first) when the trap carries one.
     */
    public static String describe(Trap trap) {
        StringBuilder out = new StringBuilder("wasm trap: ").append(trap.getMessage());
        if (!trap.guestBacktrace().isEmpty()) {
            out.append("\nwasm backtrace:");
            List<String> frames = trap.guestBacktrace();
            for (int i = 0; i < frames.size(); i++) {
                out.append("\n").append(String.format("%5d: ", i)).append(frames.get(i));
            }
        }
        return out.toString();
    }

    /** Component binaries have layer 1 in the preamble; core modules have layer 0. */
    private static boolean isComponent(byte[] wasm) {
        return wasm.length >= 8 && wasm[6] == 0x01 && wasm[7] == 0x00;
    }

    private Supplier<Outcome> component(byte[] bytes, WasiConfig config) {
        Component component = Component.fromBinary(engine, bytes);
        Linker linker = new Linker(engine);
        new WasiHost(config).addToLinker(linker);
        var pre = linker.instantiatePre(component);
        return () -> runOnce(pre.instantiate(maxMemoryBytes.isPresent()
                ? new Store(engine, maxMemoryBytes.getAsLong()) : new Store(engine)));
    }

    private Supplier<Outcome> preview1(byte[] bytes, WasiConfig config) {
        Preview1Host host = new Preview1Host(new WasiHost(config).registry(), config);
        return () -> {
            CoreModuleInstance instance = CoreModuleInstance.instantiate(engine, bytes, host.imports(), maxMemoryBytes);
            if (!instance.hasFunction("_start")) {
                throw new Trap("the core module exports no `_start` function");
            }
            instance.call("_start");
            return new Outcome(0, Optional.empty());
        };
    }

    private static Outcome runOnce(Instance instance) {
        String name = instance.exportNames().stream().filter(n -> n.startsWith(RUN)).findFirst()
                .orElseThrow(() -> new Trap("component does not export wasi:cli/run@0.2.x"));
        Func run = instance.instance(name).flatMap(i -> i.func("run"))
                .orElseThrow(() -> new Trap(name + " does not export function `run`"));
        Optional<Val> result = run.call();
        boolean ok = result.map(v -> ((Val.Result) v).isOk()).orElse(true);
        return new Outcome(ok ? 0 : 1, Optional.empty());
    }

    /** Waits for the guest; true when the timeout passed and the guest was interrupted. */
    private static boolean join(Thread guest, Optional<Duration> timeout) {
        try {
            if (timeout.isEmpty()) {
                guest.join();
                return false;
            }
            if (guest.join(timeout.get())) {
                return false;
            }
            guest.interrupt();
            guest.join(INTERRUPT_GRACE);
            return true;
        } catch (InterruptedException e) {
            guest.interrupt();
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
