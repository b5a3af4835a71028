package dev.jwc.text.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentNames;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.Value;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.text.Wat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatPrinterTest {

    @Test
    void coreModuleInSectionOrderWithFlatIndentedInstructions() {
        CoreModule module = Wat.parseCoreModule("""
                (module $m
                  (type $t (func (param i32) (result i32)))
                  (import "env" "g" (global $g (mut i32)))
                  (func $f (type $t) (param $x i32) (result i32) (local $y i64) (local i32 i32)
                    block $b
                      local.get $x
                      br_if $b
                    end
                    loop (result i32)
                      i32.const -7
                      if
                        nop
                      else
                        br 1
                      end
                      i32.const 0
                      i32.load8_u offset=3 align=1
                      br_table 0 1
                    end)
                  (memory 1 2)
                  (global $h i64 (i64.const 5))
                  (export "f" (func $f))
                  (elem declare func $f)
                  (data (i32.const 8) "a\\"b\\00"))
                """);

        assertThat(WatPrinter.print(module)).isEqualTo("""
                (module $m
                  (type $t (;0;) (func (param i32) (result i32)))
                  (import "env" "g" (global $g (;0;) (mut i32)))
                  (memory (;0;) 1 2)
                  (global $h (;1;) i64 i64.const 5)
                  (export "f" (func $f))
                  (elem (;0;) declare func $f)
                  (func $f (;0;) (type $t) (param $x i32) (result i32)
                    (local $y i64) (local i32 i32)
                    block $b
                      local.get $x
                      br_if $b
                    end
                    loop (result i32) ;; label = @1
                      i32.const -7
                      if ;; label = @2
                        nop
                      else
                        br 1 (;@1;)
                      end
                      i32.const 0
                      i32.load8_u offset=3
                      br_table 0 (;@1;) 1
                    end
                  )
                  (data (;0;) (i32.const 8) "a\\22b\\00")
                )
                """);
    }

    @Test
    void floatsAsExactHexWithTheShortestDecimal() {
        assertThat(FloatText.f32(Float.floatToRawIntBits(1.5f))).isEqualTo("0x1.8p+0 (;=1.5;)");
        assertThat(FloatText.f32(0)).isEqualTo("0x0p+0 (;=0;)");
        assertThat(FloatText.f32(0x80000000)).isEqualTo("-0x0p+0 (;=-0;)");
        assertThat(FloatText.f32(0x7fc00000)).isEqualTo("nan (;=NaN;)");
        assertThat(FloatText.f32(0xff800001)).isEqualTo("-nan:0x1 (;=NaN;)");
        assertThat(FloatText.f64(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY))).isEqualTo("-inf (;=-inf;)");
        assertThat(FloatText.f64(Double.doubleToRawLongBits(1e21))).isEqualTo(
                "0x1.b1ae4d6e2ef5p+69 (;=1000000000000000000000;)");
        assertThat(FloatText.f64(1)).startsWith("0x1.p-1074 (;=0.000").endsWith("0005;)");
        assertThat(FloatText.f32(1)).startsWith("0x1.p-149 (;=0.000").endsWith("1;)");
    }

    @Test
    void namesPrintPlainQuotedOrSynthetic() {
        NameMap names = NameMap.of(Map.of(0, "a b", 1, "x", 3, "#h", 4, "", 5, "q\"\n"), "func");
        Out out = new Out();
        for (int i = 0; i < 6; i++) {
            names.def(out, i);
            out.space();
            names.ref(out, i);
            out.newline();
        }
        assertThat(out.toString()).isEqualTo("""
                $"a b" (;0;) $"a b"
                $x (;1;) $x
                (;2;) 2
                $"#func3 #h" (@name "#h") (;3;) $"#func3 #h"
                $"#func4 " (@name "") (;4;) $"#func4 "
                $"q\\u{22}\\u{a}" (;5;) $"q\\u{22}\\u{a}"
                """);
        Out duplicate = new Out();
        Naming.of("x", 7, "local", new java.util.HashSet<>(List.of("x"))).write(duplicate);
        assertThat(duplicate.toString()).isEqualTo("$\"#local7 x\" (@name \"x\")");
    }

    @Test
    void componentWithNamesImportsCanonsAndExports() {
        ComponentNames names = new ComponentNames(Optional.of("c"), List.of(new ComponentNames.SortNames(
                ComponentSort.FUNC, List.of(new ComponentNames.Naming(0, "my f")))));
        Component component = new Component(List.of(
                new Section.Types(List.of(new FuncType(false,
                        List.of(new FuncType.Param("a", PrimitiveType.STRING)), Optional.of(PrimitiveType.U32)))),
                new Section.Imports(List.of(new Import(ExternName.of("f"), new ExternType.Func(0)))),
                new Section.Canons(List.of(new Canon.Lower(0, List.of(CanonOpt.StringEncoding.UTF8,
                        new CanonOpt.Memory(0))))),
                new Section.Exports(List.of(new Export(ExternName.of("g"), ComponentSort.FUNC, 0, Optional.empty()))),
                new Section.Custom("extra", new byte[] {1, 'a'}),
                names.encode()));

        assertThat(WatPrinter.print(component)).isEqualTo("""
                (component $c
                  (type (;0;) (func (param "a" string) (result u32)))
                  (import "f" (func $"my f" (;0;) (type 0)))
                  (core func (;0;) (canon lower (func $"my f") string-encoding=utf8 (memory 0)))
                  (export (;1;) "g" (func $"my f"))
                  (@custom "extra" "\\01a")
                )
                """);
    }

    @Test
    void dylinkSectionsPrintAsAnnotations() {
        byte[] payload = {
            1, 4, 1, 4, 0, 0,
            2, 5, 1, 3, 'f', 'o', 'o',
            4, 10, 1, 3, 'e', 'n', 'v', 3, 'b', 'a', 'r', 0x41};
        java.io.ByteArrayOutputStream wasm = new java.io.ByteArrayOutputStream();
        wasm.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x00});
        wasm.write(1 + 8 + payload.length);
        wasm.write(8);
        wasm.writeBytes("dylink.0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        wasm.writeBytes(payload);

        assertThat(WatPrinter.print(wasm.toByteArray())).isEqualTo("""
                (module
                  (@dylink.0
                    (mem-info (memory 1 4))
                    (needed "foo")
                    (import-info "env" "bar" binding-weak explicit-name)
                  )
                )
                """);
    }

    @Test
    void valueDefinitionsHaveNoTextForm() {
        Component component = new Component(List.of(new Section.Values(List.of(
                new Value(PrimitiveType.U8, new byte[] {1})))));
        assertThatThrownBy(() -> WatPrinter.print(component)).isInstanceOf(PrintException.class);
    }
}
