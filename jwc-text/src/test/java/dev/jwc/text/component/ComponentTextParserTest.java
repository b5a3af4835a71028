package dev.jwc.text.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentNames;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.Section;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComponentTextParserTest {

    /** Asserts that an abbreviation encodes exactly like its expansion. */
    private static void sameAs(String abbreviated, String explicit) {
        assertThat(Wat.toBinary(abbreviated)).as(abbreviated).isEqualTo(Wat.toBinary(explicit));
    }

    @Test
    void emptyComponentIsThePreamble() {
        assertThat(Wat.toBinary("(component)")).containsExactly(0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00);
    }

    @Test
    void watParseTellsComponentsFromCoreModules() {
        assertThat(Wat.parse("(component (type u8))")).isInstanceOf(Component.class);
        assertThat(Wat.parse("(module (func))")).isInstanceOf(CoreModuleBinary.class);
        assertThat(Wat.parse("(func)")).isInstanceOf(CoreModuleBinary.class);
    }

    @Test
    void idsBecomeTheComponentNameSection() {
        Component c = ComponentTextParser.parse("(component $top (import \"f\" (func $f)))");
        ComponentNames names = ComponentNames.of(c).orElseThrow();
        assertThat(names.component()).contains("top");
        assertThat(names.nameOf(ComponentSort.FUNC, 0)).contains("f");
    }

    @Test
    void nameAnnotationsOverrideIdsInTheNameSection() {
        Component c = ComponentTextParser.parse("""
                (component $c (@name "top")
                  (type $t (@name "pretty") u8)
                  (import "f" (func (@name "only-annotated") (param "x" $t))))""");
        ComponentNames names = ComponentNames.of(c).orElseThrow();
        assertThat(names.component()).contains("top");
        assertThat(names.nameOf(ComponentSort.TYPE, 0)).contains("pretty");
        assertThat(names.nameOf(ComponentSort.FUNC, 0)).contains("only-annotated");
    }

    @Test
    void inlineBinaryCoreModulesAreKeptAsWritten() {
        sameAs("(component (core module binary \"\\00asm\" \"\\01\\00\\00\\00\"))", "(component (core module))");
    }

    @Test
    void inlineExportsComeAfterEveryField() {
        sameAs("""
                (component
                  (func $f (export "g") (import "f"))
                  (type $t (export "t") u8))""", """
                (component
                  (import "f" (func $f))
                  (type $t u8)
                  (export "g" (func $f))
                  (export "t" (type $t)))""");
    }

    @Test
    void inlineTypesAreDefinedBeforeTheirField() {
        sameAs("(component (import \"f\" (func (param \"x\" (list u8)) (result string))))", """
                (component
                  (type (list u8))
                  (type (func (param "x" 0) (result string)))
                  (import "f" (func (type 1))))""");
    }

    @Test
    void canonSugarAndExportAliasSugar() {
        sameAs("""
                (component
                  (import "i" (instance $i (export "f" (func))))
                  (core func $g (canon lower (func $i "f"))))""", """
                (component
                  (type (instance (type (func)) (export "f" (func (type 0)))))
                  (import "i" (instance $i (type 0)))
                  (alias export $i "f" (func))
                  (canon lower (func 0) (core func $g)))""");
    }

    @Test
    void referencesToEnclosingComponentsInjectOuterAliases() {
        sameAs("""
                (component
                  (type $t u32)
                  (component (import "x" (value $t))))""", """
                (component
                  (type $t u32)
                  (component (alias outer 1 0 (type)) (import "x" (value 0))))""");
    }

    @Test
    void instantiationArgumentBundlesBecomeInstances() {
        sameAs("""
                (component
                  (core module $m)
                  (core module $n (import "a" "f" (func)))
                  (core instance $i (instantiate $m))
                  (core instance (instantiate $n (with "a" (instance (export "f" (func $i "f")))))))""", """
                (component
                  (core module $m)
                  (core module $n (import "a" "f" (func)))
                  (core instance $i (instantiate $m))
                  (alias core export $i "f" (core func))
                  (core instance (export "f" (func 0)))
                  (core instance (instantiate $n (with "a" (instance 1)))))""");
    }

    @Test
    void consecutiveItemsShareASection() {
        Component c = ComponentTextParser.parse("(component (type u8) (type u16) (import \"a\" (func)) (type u32))");
        assertThat(c.sections()).map(Section::id).containsExactly(7, 10, 7);
    }

    @Test
    void binaryAndQuoteForms() {
        byte[] binary = Wat.toBinary("(component (type u8))");
        StringBuilder escaped = new StringBuilder();
        for (byte b : binary) {
            escaped.append(String.format("\\%02x", b));
        }
        assertThat(Wat.toBinary("(component binary \"" + escaped + "\")")).isEqualTo(binary);
        assertThat(Wat.toBinary("(component quote \"(type u8)\")")).isEqualTo(binary);
        assertThat(ComponentReader.readComponent(binary)).isEqualTo(ComponentTextParser.parse("(component (type u8))"));
    }

    @Test
    void errorsPointAtTheOffendingToken() {
        assertThatThrownBy(() -> ComponentTextParser.parse("(component\n  (export \"x\" (func $nope)))"))
                .isInstanceOf(TextException.class).hasMessage("2:21: unknown func: failed to find name `$nope`");
        assertThatThrownBy(() -> ComponentTextParser.parse("(component (type $t u8) (type $t u8))"))
                .hasMessage("1:31: duplicate type identifier");
        assertThatThrownBy(() -> ComponentTextParser.parse("(component (frob))"))
                .hasMessage("1:12: unknown component field 'frob'");
        assertThatThrownBy(() -> ComponentTextParser.parse("(component (import \"f\" (func $f)) (component (export \"g\" (func $f))))"))
                .hasMessageContaining("outer item `f` is not a module, type, or component");
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        int depth = 400;
        String deep = "(component " + "(component ".repeat(depth) + ")".repeat(depth) + ")";
        assertThatThrownBy(() -> ComponentTextParser.parse(deep)).isInstanceOf(TextException.class)
                .hasMessageContaining("nesting too deep");
    }

    /** Deleting tokens at random from valid components only ever yields precise text errors. */
    @Test
    void mutatedTextFailsOnlyWithTextExceptions() {
        String[] samples = {
            """
            (component $c
              (core module $m (func (export "f") (param i32) (result i32) local.get 0) (memory (export "mem") 1))
              (core instance $i (instantiate $m))
              (type $r (record (field "a" u32) (field "b" (list string))))
              (type $v (variant (case "x" $r) (case "y")))
              (import "in" (instance $in (export "g" (func (param "p" $r))) (export "t" (type (sub resource)))))
              (core func $lowered (canon lower (func $in "g") (memory (core memory $i "mem")) string-encoding=utf8))
              (func $f (export "f") (param "x" u32) (result u32) (canon lift (core func $i "f")))
              (instance $bundle (export "f" (func $f)))
              (component $inner (import "t" (type (eq $r))) (alias outer $c $v (type $v2)))
              (instance (instantiate $inner (with "t" (type $r))))
              (canon resource.new $in "t" (core func $new))
              (export "v" (type $v))
            )""",
            """
            (component
              (core type $ft (func (param i32)))
              (core type (module (import "a" "b" (func (type 0))) (export "m" (memory 1)) (alias outer 1 0 (type))))
              (type (component (import "x" (func (result (option (tuple u8 s64))))) (export "y" (instance))))
              (type (flags "a" "b")) (type (enum "c")) (type (result u8 (error string))) (type (own 0))
              (canon task.return (result u32) (core func))
              (canon waitable-set.wait cancellable (memory 0) (core func))
            )"""
        };
        Random random = new Random(20261122);
        int parsed = 0;
        for (String sample : samples) {
            List<String> tokens = tokens(sample);
            for (int round = 0; round < 400; round++) {
                List<String> mutated = new ArrayList<>(tokens);
                int deletions = 1 + random.nextInt(3);
                for (int d = 0; d < deletions && !mutated.isEmpty(); d++) {
                    mutated.remove(random.nextInt(mutated.size()));
                }
                String text = String.join(" ", mutated);
                try {
                    ComponentTextParser.parse(text);
                    parsed++;
                } catch (TextException expected) {
                    assertThat(expected.position()).isNotNull();
                }
            }
        }
        assertThat(parsed).isGreaterThan(0);
    }

    /** Parentheses, strings and runs of other characters. */
    private static List<String> tokens(String source) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char ch = source.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '(' || ch == ')') {
                out.add(String.valueOf(ch));
                i++;
            } else if (ch == '"') {
                int end = source.indexOf('"', i + 1);
                out.add(source.substring(i, end + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < source.length() && !Character.isWhitespace(source.charAt(i))
                        && source.charAt(i) != '(' && source.charAt(i) != ')') {
                    i++;
                }
                out.add(source.substring(start, i));
            }
        }
        return out;
    }
}
