package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Wat;
import org.junit.jupiter.api.Test;

/** Chicory 1.7.5 runs no SIMD, compiled or interpreted: a SIMD module is refused at load with the reason. */
class SimdModuleTest {
    private static final byte[] SIMD = Wat.toBinary("""
            (component
              (core module $M
                (func (export "f") (result i32)
                  (i32x4.extract_lane 1 (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 10 20 30 40)))))
              (core instance $m (instantiate $M))
              (func (export "f") (result s32) (canon lift (core func $m "f"))))
            """);

    @Test
    void aSimdModuleIsRefusedInEitherMode() {
        for (Engine engine : new Engine[] {new Engine(), new Engine(Engine.Mode.INTERPRETER)}) {
            assertThatThrownBy(() -> Component.fromBinary(engine, SIMD))
                    .isInstanceOf(LinkException.class)
                    .hasMessageContaining("`v128.const` in function 0 is a SIMD instruction");
        }
    }
}
