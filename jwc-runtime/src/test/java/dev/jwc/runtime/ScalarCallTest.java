package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Wat;
import dev.jwc.types.Val;
import org.junit.jupiter.api.Test;

/**
 * The direct entry of all-scalar signatures keeps every rule of the general path: lifting (u8
 * truncation, bool, NaN canonicalisation, char validity), argument checks, post-return and reentrance.
 */
class ScalarCallTest {
    private final Engine engine = new Engine();

    private Instance instance() {
        Component c = Component.fromBinary(engine, Wat.toBinary("""
                (component
                  (core module $M
                    (global $posts (mut i32) (i32.const 0))
                    (func (export "u8") (param i32) (result i32) (local.get 0))
                    (func (export "bool") (param i32) (result i32) (local.get 0))
                    (func (export "f32") (result f32) (f32.const nan:0x123))
                    (func (export "char") (param i32) (result i32) (local.get 0))
                    (func (export "post") (param i32) (result i32) (local.get 0))
                    (func (export "posts") (result i32) (global.get $posts))
                    (func (export "after") (param i32) (global.set $posts (i32.add (global.get $posts) (i32.const 1)))))
                  (core instance $m (instantiate $M))
                  (func (export "u8") (param "x" s32) (result u8) (canon lift (core func $m "u8")))
                  (func (export "bool") (param "x" s32) (result bool) (canon lift (core func $m "bool")))
                  (func (export "f32") (result f32) (canon lift (core func $m "f32")))
                  (func (export "char") (param "x" u32) (result char) (canon lift (core func $m "char")))
                  (func (export "post") (param "x" u8) (result u8) (canon lift (core func $m "post") (post-return (core func $m "after"))))
                  (func (export "posts") (result s32) (canon lift (core func $m "posts"))))
                """));
        return new Linker(engine).instantiate(new Store(engine), c);
    }

    @Test
    void resultsAreLiftedAsTheSpecSays() {
        Instance i = instance();
        assertThat(i.func("u8").orElseThrow().typed(Integer.class, Integer.class).call(0x1ff)).isEqualTo(0xff);
        assertThat(i.func("u8").orElseThrow().call(Val.s32(0x1ff))).contains(Val.u8(0xff));
        assertThat(i.func("bool").orElseThrow().typed(Boolean.class, Integer.class).call(2)).isTrue();
        Float nan = i.func("f32").orElseThrow().typed(Float.class).call();
        assertThat(Float.floatToRawIntBits(nan)).isEqualTo(0x7fc00000);
        assertThat(i.func("char").orElseThrow().typed(Integer.class, Integer.class).call(0x1f600)).isEqualTo(0x1f600);
    }

    @Test
    void anInvalidCharResultTrapsAndPoisonsTheInstance() {
        Instance i = instance();
        Func c = i.func("char").orElseThrow();
        assertThatThrownBy(() -> c.typed(Integer.class, Integer.class).call(0xd800))
                .isInstanceOf(Trap.class).hasMessageContaining("invalid `char` bit pattern");
        assertThatThrownBy(() -> c.call(Val.u32(65))).isInstanceOf(Trap.class)
                .hasMessageContaining("cannot enter component instance");
    }

    @Test
    void argumentsAreCheckedBeforeTheCall() {
        Func post = instance().func("post").orElseThrow();
        assertThatThrownBy(() -> post.typed(Integer.class, Integer.class).call(256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> post.call(Val.s32(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type mismatch");
        assertThatThrownBy(() -> post.call()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postReturnRunsAfterEachCall() {
        Instance i = instance();
        assertThat(i.func("post").orElseThrow().typed(Integer.class, Integer.class).call(1)).isEqualTo(1);
        assertThat(i.func("post").orElseThrow().call(Val.u8(2))).contains(Val.u8(2));
        assertThat(i.func("posts").orElseThrow().call()).contains(Val.s32(2));
    }
}
