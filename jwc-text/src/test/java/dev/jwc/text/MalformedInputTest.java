package dev.jwc.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jwc.text.wast.WastScript;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged input must fail with a positioned {@link TextException}, never another exception. */
class MalformedInputTest {
    private static final String MODULE = """
            (module $m
              (type $t (func (param i32) (result i32)))
              (rec (type $s (sub (struct (field $x (mut i32))))) (type (array i8)))
              (import "env" "f" (func $imp (type $t)))
              (memory (export "mem") 1 2)
              (table $tab 2 funcref)
              (global $g (mut i64) (i64.const -1))
              (elem (table $tab) (i32.const 0) func $imp $f)
              (data (memory 0) (i32.const 8) "\\00hi\\u{1F600}")
              (func $f (export "f") (param $p i32) (result i32) (local $l f64)
                (block $b (result i32)
                  (if (result i32) (local.get $p)
                    (then (call $imp (i32.const 1)))
                    (else (f64.const 0x1.8p3) drop (i32.load offset=4 align=4 (i32.const 0))))))
              (func (param v128) (result v128)
                (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (local.get 0) (v128.const f32x4 nan inf -0 1.5)))
              (start 1))
            """;

    private static void mustFailCleanly(String source) {
        assertThatCode(() -> {
            try {
                Wat.toBinary(source);
            } catch (TextException expected) {
                // the only acceptable failure
            }
            try {
                WastScript.parse(source);
            } catch (TextException expected) {
                // the only acceptable failure
            }
        }).as(source).doesNotThrowAnyException();
    }

    @Test
    void truncationsAndCorruptions() {
        assertThat(Wat.toBinary(MODULE)).startsWith(0, 'a', 's', 'm');
        for (int i = 0; i < MODULE.length(); i += 3) {
            mustFailCleanly(MODULE.substring(0, i));
            mustFailCleanly(MODULE.substring(0, i) + ")))))))))");
        }
        Random random = new Random(7);
        String alphabet = "()$\";0x1.e-_ abcnpi";
        for (int n = 0; n < 1500; n++) {
            StringBuilder s = new StringBuilder(MODULE);
            for (int k = 0; k < 3; k++) {
                int at = random.nextInt(s.length());
                if (random.nextBoolean()) {
                    s.deleteCharAt(at);
                } else {
                    s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            mustFailCleanly(s.toString());
        }
    }
}
