package dev.jwc.text.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.io.ByteReader;
import dev.jwc.text.Wat;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Instruction text against encodings worked out by hand from the binary format specification. */
class InstructionEncodingTest {
    private static final String PRELUDE = """
            (type $t (func))
            (type $s (struct (field $a i32) (field $b i64)))
            (type $arr (array i8))
            (memory 1) (memory $m2 1)
            (table 1 funcref) (table $t2 1 funcref)
            (tag $e)
            (elem $el func) (data $d "")
            """;

    /** The instructions of the last function's body, in hex, without the final {@code end}. */
    private static String body(String instructions) {
        byte[] b = Wat.toBinary("(module " + PRELUDE + " (func " + instructions + "))");
        ByteReader in = new ByteReader(b);
        in.bytes(8);
        while (!in.atEnd()) {
            int id = in.u8();
            ByteReader section = in.slice(in.u32());
            if (id == 10) {
                int count = section.u32();
                ByteReader fn = null;
                for (int i = 0; i < count; i++) {
                    fn = section.slice(section.u32());
                }
                fn.u32(); // no local declarations
                byte[] rest = fn.rest();
                return HexFormat.of().formatHex(rest, 0, rest.length - 1);
            }
        }
        throw new AssertionError("no code section");
    }

    @Test
    void controlInstructions() {
        assertThat(body("(block $x (br_table $x 0 $x))")).isEqualTo("0240" + "0e02000000" + "0b");
        assertThat(body("(loop (result i32) (i32.const 1))")).isEqualTo("037f41010b");
        assertThat(body("(block (param i32) (result i32) (i32.const 0)) drop")).isEqualTo("0203" + "41000b1a");
        assertThat(body("(call_indirect $t2 (type $t) (i32.const 0))")).isEqualTo("4100" + "110001");
        assertThat(body("(select (result i32) (i32.const 1) (i32.const 2) (i32.const 3)) drop"))
                .isEqualTo("410141024103" + "1c017f" + "1a");
        assertThat(body("(try_table (catch $e 0) (catch_all 0))")).isEqualTo("1f40" + "02" + "000000" + "0200" + "0b");
        assertThat(body("(throw $e)")).isEqualTo("0800");
    }

    @Test
    void memoryAndTableInstructions() {
        assertThat(body("(drop (i32.load8_u offset=3 (i32.const 0)))")).isEqualTo("4100" + "2d0003" + "1a");
        assertThat(body("(drop (i64.load $m2 offset=8 align=4 (i32.const 0)))")).isEqualTo("4100" + "29420108" + "1a");
        assertThat(body("(memory.copy $m2 0 (i32.const 0) (i32.const 0) (i32.const 0))"))
                .isEqualTo("410041004100" + "fc0a0100");
        assertThat(body("(memory.init $d (i32.const 0) (i32.const 0) (i32.const 0))"))
                .isEqualTo("410041004100" + "fc080000");
        assertThat(body("(table.init $t2 $el (i32.const 0) (i32.const 0) (i32.const 0))"))
                .isEqualTo("410041004100" + "fc0c0001");
        assertThat(body("(drop (table.size $t2))")).isEqualTo("fc1001" + "1a");
        assertThat(body("(drop (memory.size))")).isEqualTo("3f00" + "1a");
    }

    @Test
    void referenceGcAndSimdInstructions() {
        assertThat(body("(drop (ref.null func))")).isEqualTo("d070" + "1a");
        assertThat(body("(drop (ref.null $s))")).isEqualTo("d001" + "1a");
        assertThat(body("(drop (struct.get $s $b (struct.new_default $s)))")).isEqualTo("fb0101" + "fb020101" + "1a");
        assertThat(body("(drop (array.new_fixed $arr 2 (i32.const 1) (i32.const 2)))"))
                .isEqualTo("41014102" + "fb080202" + "1a");
        assertThat(body("(drop (v128.const i32x4 1 2 3 -1))"))
                .isEqualTo("fd0c" + "01000000" + "02000000" + "03000000" + "ffffffff" + "1a");
        assertThat(body("(drop (i8x16.extract_lane_u 15 (v128.const i64x2 0 0)))"))
                .isEqualTo("fd0c" + "00".repeat(16) + "fd160f" + "1a");
        assertThat(body("(drop (f32.const -0x1p-1))")).isEqualTo("43000000bf" + "1a");
        assertThat(body("(drop (f64.const nan:0x4))")).isEqualTo("44" + "040000000000f07f" + "1a");
    }
}
