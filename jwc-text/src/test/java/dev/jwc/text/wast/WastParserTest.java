package dev.jwc.text.wast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WastParserTest {
    @Test
    void everyDirective() {
        String src = """
                (module $m (func (export "f") (param i32) (result i32) local.get 0))
                (module definition $d (memory 1))
                (module instance $i $d)
                (module binary "\\00asm" "\\01\\00\\00\\00")
                (component quote "(core module)")
                (register "m" $m)
                (invoke $m "f" (i32.const -1))
                (get "g")
                (assert_return (invoke "f" (f32.const 1) (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))
                  (f32.const nan:canonical) (f64.const nan:arithmetic) (v128.const f32x4 0 nan:canonical 1 -inf)
                  (ref.null func) (ref.extern) (ref.func) (ref.i31) (either (i32.const 1) (i32.const 2)))
                (assert_trap (module (start 0)) "unreachable")
                (assert_exhaustion (invoke "loop") "call stack exhausted")
                (assert_exception (invoke "throw"))
                (assert_suspension (invoke "suspend") "suspended")
                (assert_invalid (module (func (result i32))) "type mismatch")
                (assert_malformed (module quote "(func" ")") "unexpected")
                (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
                (thread $t (shared (module $m)) (invoke "f" (i32.const 1)))
                (wait $t)
                """;
        List<WastDirective> d = WastScript.parse(src).directives();
        assertThat(d).hasSize(18);
        assertThat(d.get(0)).isInstanceOfSatisfying(WastDirective.Module.class,
                m -> assertThat(m.module().id()).hasValue("m"));
        assertThat(d.get(1)).isInstanceOfSatisfying(WastDirective.ModuleDefinition.class,
                m -> assertThat(((WastModule.Text) m.module()).form().items()).hasSize(3));
        assertThat(d.get(2)).isEqualTo(new WastDirective.ModuleInstance(
                WastModule.Kind.MODULE, Optional.of("i"), Optional.of("d"), d.get(2).position()));
        assertThat(((WastModule.Binary) ((WastDirective.Module) d.get(3)).module()).bytes()).hasSize(8);
        assertThat(((WastModule.Quote) ((WastDirective.Module) d.get(4)).module()).source())
                .isEqualTo("(component(core module) )");
        WastDirective.AssertReturn ret = (WastDirective.AssertReturn) d.get(8);
        assertThat(ret.position().line()).isEqualTo(9);
        assertThat(((WastExecute.Invoke) ret.execute()).args()).first().isEqualTo(new CoreValue.F32(0x3f800000));
        assertThat(ret.results()).containsExactly(
                new CoreResult.F32(new NumPattern.CanonicalNan()),
                new CoreResult.F64(new NumPattern.ArithmeticNan()),
                new CoreResult.V128("f32x4", List.of(new NumPattern.Exact(0), new NumPattern.CanonicalNan(),
                        new NumPattern.Exact(0x3f800000), new NumPattern.Exact(0xff800000L))),
                new CoreResult.RefNull(Optional.of("func")),
                new CoreResult.RefExtern(Optional.empty()),
                new CoreResult.RefFunc(Optional.empty()),
                new CoreResult.RefKind("i31"),
                new CoreResult.Either(List.of(new CoreResult.I32(1), new CoreResult.I32(2))));
        assertThat(d.get(9)).isInstanceOfSatisfying(WastDirective.AssertTrap.class,
                t -> assertThat(t.execute()).isInstanceOf(WastExecute.Instantiate.class));
        assertThat(d.get(16)).isInstanceOfSatisfying(WastDirective.Thread.class, t -> {
            assertThat(t.sharedModules()).containsExactly("m");
            assertThat(t.body()).hasSize(1);
        });
    }

    @Test
    void componentValues() {
        String src = """
                (assert_return (invoke "f" (s8.const -1) (u64.const 0xffffffffffffffff) (char.const "é"))
                  (list.const (bool.const true) (str.const "x"))
                  (record.const (field "a" (u8.const 1)))
                  (tuple.const) (variant.const "c" (s32.const 2)) (enum.const "e")
                  (option.none) (option.some (u16.const 3)) (result.ok) (result.err (str.const "no"))
                  (flags.const "a" "b"))
                """;
        WastDirective.AssertReturn r = (WastDirective.AssertReturn) WastScript.parse(src).directives().get(0);
        assertThat(((WastExecute.Invoke) r.execute()).args()).containsExactly(
                new ComponentValue.Int(ComponentValue.IntKind.S8, -1),
                new ComponentValue.Int(ComponentValue.IntKind.U64, -1),
                new ComponentValue.Char('é'));
        assertThat(r.results()).hasSize(10);
        assertThat(r.results().get(1)).isEqualTo(new ComponentValue.Record(
                List.of(new ComponentValue.Field("a", new ComponentValue.Int(ComponentValue.IntKind.U8, 1)))));
        assertThat(r.results().get(9)).isEqualTo(new ComponentValue.Flags(List.of("a", "b")));
    }

    @Test
    void deeplyNestedValuesAreRefused() {
        String deep = "(assert_return (invoke \"f\") (" + "option.some ".repeat(100_000) + "u8.const 1))";
        assertThatThrownBy(() -> WastScript.parse(deep)).hasMessageContaining("nested deeper");
    }

    @Test
    void bareModuleAndErrors() {
        assertThat(WastScript.parse("(func) (memory 1)").directives()).singleElement()
                .isInstanceOf(WastDirective.Module.class);
        assertThatThrownBy(() -> WastScript.parse("(assert_return (invoke \"f\") (u8.const 256))"))
                .hasMessage("1:39: constant out of range");
        assertThatThrownBy(() -> WastScript.parse("(assert_trap (invoke \"f\"))"))
                .hasMessage("1:26: expected a string, found ')'");
    }
}
