package dev.jwc.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.runtime.Engine;
import dev.jwc.runtime.Trap;
import dev.jwc.text.Wat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runaway guests end with a clear trap and exit code 134 instead of hanging or crashing the JVM, the trap
 * names the guest functions on the stack, and the next run in the same JVM (same engine and runner) is
 * unaffected.
 */
class RunawayGuestTest {
    private static final WasiCommand RUNNER = new WasiCommand(new Engine(), 8L << 20);

    private static WasiCommand.Outcome run(String body, Optional<Duration> timeout) {
        return run(RUNNER, body, timeout);
    }

    private static WasiCommand.Outcome run(WasiCommand runner, String body, Optional<Duration> timeout) {
        byte[] component = Wat.toBinary("""
                (component
                  (core module $M (memory 1 100)
                    (func $spin (loop $l (br $l)))
                    (func $boom (unreachable))
                    (func $f (export "run") (result i32) %s))
                  (core instance $m (instantiate $M))
                  (func $run (result (result)) (canon lift (core func $m "run")))
                  (instance $i (export "run" (func $run)))
                  (export "wasi:cli/run@0.2.0" (instance $i)))
                """.formatted(body));
        WasiConfig config = new WasiConfig(List.of("runaway"), Map.of(), List.of(),
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream(), false);
        return runner.run(component, config, timeout);
    }

    /** A well-behaved guest still runs normally after a runaway one. */
    private static void theNextRunIsUnaffected() {
        WasiCommand.Outcome o = run("(i32.const 0)", Optional.of(Duration.ofSeconds(30)));
        assertThat(o.exitCode()).isZero();
        assertThat(o.trap()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void anInfiniteLoopIsInterruptedAtTheTimeout(Engine.Mode mode) {
        WasiCommand.Outcome o = run(new WasiCommand(new Engine(mode), 8L << 20), "(call $spin) (i32.const 0)",
                Optional.of(Duration.ofMillis(300)));
        assertThat(o.exitCode()).isEqualTo(WasiCommand.TRAP_EXIT_CODE);
        assertThat(o.trap()).map(Trap::getMessage).hasValueSatisfying(m -> assertThat(m).contains("timeout of 300 ms"));
        // the interrupt stopped the spinning guest: its thread is gone, not left burning a core
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("wasi-guest") && t.isAlive());
        theNextRunIsUnaffected();
    }

    @Test
    void unboundedRecursionIsAStackExhaustionTrap() {
        WasiCommand.Outcome o = run("(call $f)", Optional.empty());
        assertThat(o.exitCode()).isEqualTo(WasiCommand.TRAP_EXIT_CODE);
        assertThat(o.trap()).map(Trap::getMessage).hasValueSatisfying(m -> assertThat(m).contains("stack"));
        theNextRunIsUnaffected();
    }

    @Test
    void growingMemoryToItsLimitFailsAndTheGuestsTrapIsReported() {
        WasiCommand.Outcome o = run("(block $b (loop $l (br_if $b (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))"
                + " (br $l))) (unreachable)", Optional.empty());
        assertThat(o.exitCode()).isEqualTo(WasiCommand.TRAP_EXIT_CODE);
        assertThat(o.trap()).map(Trap::getMessage).hasValueSatisfying(m -> assertThat(m).contains("unreachable"));
        theNextRunIsUnaffected();
    }

    @Test
    void aMemoryLimitStopsMemoryGrowBelowTheDeclaredMaximum() {
        String growThenCheck = "(block $b (loop $l (br_if $b (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))"
                + " (br $l))) (if (i32.ne (memory.size) (i32.const 5)) (then (unreachable))) (i32.const 0)";
        WasiCommand.Outcome o = run(RUNNER.withMaxMemoryBytes(5 * 65536), growThenCheck, Optional.empty());
        assertThat(o.trap()).isEmpty();
        assertThat(o.exitCode()).isZero();
        theNextRunIsUnaffected();
    }

    @Test
    void aTrapIsReportedWithTheGuestBacktrace() {
        Trap trap = run("(call $boom) (i32.const 0)", Optional.empty()).trap().orElseThrow();
        assertThat(trap.guestBacktrace()).containsExactly("M!boom", "M!f");
        assertThat(WasiCommand.describe(trap)).isEqualTo("""
                wasm trap: Trapped on unreachable instruction
                wasm backtrace:
                    0: M!boom
                    1: M!f""");
    }
}
