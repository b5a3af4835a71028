package dev.jwc.wasi;

import dev.jwc.runtime.Component;
import dev.jwc.runtime.Engine;
import dev.jwc.runtime.Func;
import dev.jwc.runtime.Instance;
import dev.jwc.runtime.Linker;
import dev.jwc.runtime.Store;
import dev.jwc.runtime.Trap;
import dev.jwc.types.Val;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@code wasi:cli/command} component: instantiates it against a {@link WasiHost} and calls
 * {@code wasi:cli/run#run} on a thread with a large stack (deep guest recursion becomes a trap, not a
 * JVM crash), interrupted when the optional timeout passes.
 */
public final class WasiCommand {
    /** Exit code of a trapped guest, as a process killed by SIGABRT. */
    public static final int TRAP_EXIT_CODE = 134;
    private static final long GUEST_STACK_BYTES = 1L << 30;
    private static final String RUN = "wasi:cli/run@0.2";

    /** How a run ended: an exit code, and the trap when the guest trapped. */
    public record Outcome(int exitCode, Optional<Trap> trap) {
    }

    private final Engine engine;

    public WasiCommand(Engine engine) {
        this.engine = engine;
    }

    public Outcome run(byte[] componentBytes, WasiConfig config, Optional<Duration> timeout) {
        Component component = Component.fromBinary(engine, componentBytes);
        Linker linker = new Linker(engine);
        new WasiHost(config).addToLinker(linker);
        var pre = linker.instantiatePre(component);
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread guest = new Thread(null, () -> {
            try {
                outcome.set(runOnce(pre.instantiate(new Store(engine))));
            } catch (WasiExit e) {
                outcome.set(new Outcome(e.code(), Optional.empty()));
            } catch (Trap e) {
                outcome.set(new Outcome(TRAP_EXIT_CODE, Optional.of(e)));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "wasi-guest", GUEST_STACK_BYTES);
        guest.start();
        join(guest, timeout);
        if (failure.get() != null) {
            throw failure.get();
        }
        return outcome.get() != null ? outcome.get()
                : new Outcome(TRAP_EXIT_CODE, Optional.of(new Trap("guest did not finish")));
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

    private static void join(Thread guest, Optional<Duration> timeout) {
        try {
            if (timeout.isEmpty()) {
                guest.join();
                return;
            }
            if (!guest.join(timeout.get())) {
                guest.interrupt();
                guest.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            guest.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
