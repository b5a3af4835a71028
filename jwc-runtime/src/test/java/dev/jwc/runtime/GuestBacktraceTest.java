package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jwc.text.Wat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A trap in guest code, compiled or interpreted, carries the guest backtrace, innermost first, named from the name section
 * ({@code module!function} when the module is named; function indices count imports first), across core
 * instances, and {@code <wasm function N>} without names.
 */
class GuestBacktraceTest {
    private Trap trapOf(Engine engine, String wat, String export) {
        CoreModuleInstance instance = CoreModuleInstance.instantiate(engine, Wat.toBinary(wat),
                (module, name) -> Optional.of((memory, args) -> new long[0]));
        return catchThrowableOfType(Trap.class, () -> instance.call(export));
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void namesTheGuestFunctionsOnTheStackInnermostFirst(Engine.Mode mode) {
        Trap trap = trapOf(new Engine(mode), """
                (module
                  (import "host" "nop" (func $nop))
                  (memory (export "memory") 1)
                  (func $inner (call $nop) (unreachable))
                  (func $middle (call $inner))
                  (func $outer (export "run") (call $middle)))
                """, "run");
        assertThat(trap.getMessage()).contains("unreachable");
        assertThat(trap.guestBacktrace()).containsExactly("inner", "middle", "outer");
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void withoutANameSectionFramesAreNumbered(Engine.Mode mode) {
        Trap trap = trapOf(new Engine(mode), """
                (module
                  (import "host" "nop" (func))
                  (memory (export "memory") 1)
                  (func (i32.div_u (i32.const 1) (i32.const 0)) (drop))
                  (func (export "run") (call 1)))
                """, "run");
        assertThat(trap.guestBacktrace()).containsExactly("<wasm function 1>", "<wasm function 2>");
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void framesOfEveryCoreInstanceOfAComponentAreNamed(Engine.Mode mode) {
        Engine engine = new Engine(mode);
        Component c = Component.fromBinary(engine, Wat.toBinary("""
                (component
                  (core module $Lib (func $boom (export "boom") (unreachable)))
                  (core instance $lib (instantiate $Lib))
                  (core module $Main
                    (import "lib" "boom" (func $boom))
                    (func $main (export "main") (call $boom)))
                  (core instance $main (instantiate $Main (with "lib" (instance $lib))))
                  (func (export "main") (canon lift (core func $main "main"))))
                """));
        Instance instance = new Linker(engine).instantiate(new Store(engine), c);
        Trap trap = catchThrowableOfType(Trap.class, () -> instance.func("main").orElseThrow().call());
        assertThat(trap.guestBacktrace()).containsExactly("Lib!boom", "Main!main");
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void aStackExhaustionKeepsTheInnermostFramesAndCountsTheRest(Engine.Mode mode) throws InterruptedException {
        Engine engine = new Engine(mode);
        Trap[] trap = new Trap[1];
        Thread t = new Thread(null, () -> trap[0] = trapOf(engine, """
                (module
                  (memory (export "memory") 1)
                  (func $down (export "run") (call $down)))
                """, "run"), "deep", 4L << 20);
        t.start();
        t.join();
        assertThat(trap[0].getMessage()).contains("stack");
        assertThat(trap[0].guestBacktrace()).hasSize(101).startsWith("down", "down")
                .last().asString().matches("\\.\\.\\. \\d+ more frames");
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void aTrapInTheStartFunctionHasItsBacktraceToo(Engine.Mode mode) {
        byte[] wasm = Wat.toBinary("""
                (module
                  (func $fail (unreachable))
                  (func $init (call $fail))
                  (start $init))
                """);
        Trap trap = catchThrowableOfType(Trap.class, () -> CoreModuleInstance.instantiate(new Engine(mode), wasm,
                (module, name) -> Optional.empty()));
        assertThat(trap.guestBacktrace()).containsExactly("fail", "init");
    }
}
