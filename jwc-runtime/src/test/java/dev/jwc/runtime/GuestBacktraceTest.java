package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jwc.text.Wat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A trap in compiled guest code carries the guest backtrace, innermost first, named from the name section
 * ({@code module!function} when the module is named; function indices count imports first), across core
 * instances, and {@code <wasm function N>} without names.
 */
class GuestBacktraceTest {
    private final Engine engine = new Engine(Engine.Mode.COMPILER);

    private Trap trapOf(String wat, String export) {
        CoreModuleInstance instance = CoreModuleInstance.instantiate(engine, Wat.toBinary(wat),
                (module, name) -> Optional.of((memory, args) -> new long[0]));
        return catchThrowableOfType(Trap.class, () -> instance.call(export));
    }

    @Test
    void namesTheGuestFunctionsOnTheStackInnermostFirst() {
        Trap trap = trapOf("""
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

    @Test
    void withoutANameSectionFramesAreNumbered() {
        Trap trap = trapOf("""
                (module
                  (import "host" "nop" (func))
                  (memory (export "memory") 1)
                  (func (i32.div_u (i32.const 1) (i32.const 0)) (drop))
                  (func (export "run") (call 1)))
                """, "run");
        assertThat(trap.guestBacktrace()).containsExactly("<wasm function 1>", "<wasm function 2>");
    }

    @Test
    void framesOfEveryCoreInstanceOfAComponentAreNamed() {
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
}
