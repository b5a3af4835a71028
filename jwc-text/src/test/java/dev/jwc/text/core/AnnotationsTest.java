package dev.jwc.text.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.core.Names;
import dev.jwc.binary.io.ByteReader;
import dev.jwc.text.Wat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationsTest {
    /** Section ids in order, custom sections as their names. */
    private static List<String> sections(byte[] binary) {
        ByteReader in = new ByteReader(binary);
        in.bytes(8);
        List<String> out = new ArrayList<>();
        while (!in.atEnd()) {
            int id = in.u8();
            ByteReader body = in.slice(in.u32());
            out.add(id == 0 ? new String(body.bytes(body.u32()), StandardCharsets.UTF_8) : Integer.toString(id));
        }
        return out;
    }

    @Test
    void customSectionsArePlacedAsWasmToolsPlacesThem() {
        byte[] b = Wat.toBinary("""
                (module $m
                  (@custom "last" "y")
                  (@custom "after-func" (after func) "x")
                  (@custom "before-code" (before code) "w")
                  (@custom "first" (before first) "z")
                  (@producers (processed-by "jwc" "1") (language "wat" "1.0"))
                  (func))
                """);
        assertThat(sections(b)).containsExactly("first", "1", "3", "after-func", "before-code", "10", "name",
                "last", "producers");
    }

    @Test
    void producersEncoding() {
        byte[] b = Wat.toBinary("(module (@producers (sdk \"s\" \"2\") (language \"wat\" \"1\")))");
        byte[] expected = {0, 'a', 's', 'm', 1, 0, 0, 0, 0, 36, 9, 'p', 'r', 'o', 'd', 'u', 'c', 'e', 'r', 's',
            2, 8, 'l', 'a', 'n', 'g', 'u', 'a', 'g', 'e', 1, 3, 'w', 'a', 't', 1, '1',
            3, 's', 'd', 'k', 1, 1, 's', 1, '2'};
        assertThat(b).containsExactly(expected);
    }

    @Test
    void dylinkEncodingComesFirst() {
        byte[] b = Wat.toBinary("""
                (module (type (func))
                  (@dylink.0 (mem-info (memory 4 2)) (needed "a") (export-info "f" binding-weak)
                             (export-info "g" 64) (import-info "m" "h" undefined)))
                """);
        String hex = java.util.HexFormat.of().formatHex(b);
        assertThat(hex).startsWith("0061736d01000000" + "00" + "25" + "0864796c696e6b2e30"
                + "01" + "04" + "04020000"
                + "02" + "03" + "0101" + "61"
                + "03" + "07" + "02" + "016601" + "016740"
                + "04" + "06" + "01" + "016d" + "0168" + "10");
        assertThat(sections(b)).containsExactly("dylink.0", "1");
    }

    @Test
    void nameAnnotationsOverrideIds() {
        Names n = Wat.parseCoreModule("""
                (module $id (@name "module name")
                  (import "m" "f" (func $f (@name "imported f")))
                  (func $g (@name "g!") (param $p (@name "p!") i32) (local $l (@name "l!") i32))
                  (global (@name "anonymous") i32 (i32.const 0)))
                """).names().orElseThrow();
        assertThat(n.module()).hasValue("module name");
        assertThat(n.functions()).isEqualTo(Map.of(0, "imported f", 1, "g!"));
        assertThat(n.locals()).isEqualTo(Map.of(1, Map.of(0, "p!", 1, "l!")));
        assertThat(n.globals()).isEqualTo(Map.of(0, "anonymous"));
    }
}
