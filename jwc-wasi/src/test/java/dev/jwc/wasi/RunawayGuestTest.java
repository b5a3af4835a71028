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

/** Runaway guests end with a clear trap and exit code 134 instead of hanging or crashing the JVM. */
class RunawayGuestTest {

    private static WasiCommand.Outcome run(String body, Optional<Duration> timeout) {
        byte[] component = Wat.toBinary("""
                (component
                  (core module $M (memory 1 100)
                    (func $f (export "run") (result i32) %s))
                  (core instance $m (instantiate $M))
                  (func $run (result (result)) (canon lift (core func $m "run")))
                  (instance $i (export "run" (func $run)))
                  (export "wasi:cli/run@0.2.0" (instance $i)))
                """.formatted(body));
        WasiConfig config = new WasiConfig(List.of("runaway"), Map.of(), List.of(),
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream(), false);
        return new WasiCommand(new Engine(), 8L << 20).run(component, config, timeout);
    }

    @Test
    void anInfiniteLoopIsInterruptedAtTheTimeout() {
        WasiCommand.Outcome o = run("(loop $l (br $l)) (i32.const 0)", Optional.of(Duration.ofMillis(300)));
        assertThat(o.exitCode()).isEqualTo(WasiCommand.TRAP_EXIT_CODE);
        assertThat(o.trap()).map(Trap::getMessage).hasValueSatisfying(m -> assertThat(m).contains("timeout of 300 ms"));
    }

    @Test
    void unboundedRecursionIsAStackExhaustionTrap() {
        WasiCommand.Outcome o = run("(call $f)", Optional.empty());
        assertThat(o.exitCode()).isEqualTo(WasiCommand.TRAP_EXIT_CODE);
        assertThat(o.trap()).map(Trap::getMessage).hasValueSatisfying(m -> assertThat(m).contains("stack"));
    }

    @Test
    void growingMemoryToItsLimitFailsAndTheGuestsTrapIsReported() {
        WasiCommand.Outcome o = run("(block $b (loop $l (br_if $b (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))"
                + " (br $l))) (unreachable)", Optional.empty());
        assertThat(o.exitCode()).isEqualTo(WasiCommand.TRAP_EXIT_CODE);
        assertThat(o.trap()).map(Trap::getMessage).hasValueSatisfying(m -> assertThat(m).contains("unreachable"));
    }
}
