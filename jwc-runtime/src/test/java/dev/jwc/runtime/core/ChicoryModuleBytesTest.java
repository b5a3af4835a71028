package dev.jwc.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.jwc.runtime.core.ChicoryModuleBytes.DeclaredImport;
import dev.jwc.text.Wat;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChicoryModuleBytesTest {

    @Test
    void aModuleWithoutEmptyNamesOrTagImportsIsPassedOnAsItIs() {
        byte[] module = Wat.toBinary("(module (import \"a\" \"b\" (func)) (tag (param i32)))");
        ChicoryModuleBytes prepared = ChicoryModuleBytes.of(module);
        assertThat(prepared.bytes()).isSameAs(module);
        assertThat(prepared.rewrittenImports()).isEmpty();
    }

    @Test
    void emptyNamesGetUniqueFieldNamesAndTagImportsBecomeLeadingTagDefinitions() {
        byte[] module = Wat.toBinary("""
                (module
                  (import "" "" (func (param i32)))
                  (import "t" "a" (tag (param i64)))
                  (import "" "\\000" (global i32))
                  (import "" "" (memory 1 2))
                  (import "t" "b" (tag (param i32)))
                  (tag (export "own") (param f32))
                  (global i32 (i32.const 0)))
                """);
        ChicoryModuleBytes prepared = ChicoryModuleBytes.of(module);

        assertThat(prepared.rewrittenImports()).contains(List.of(
                new DeclaredImport("", "", false), new DeclaredImport("t", "a", true),
                new DeclaredImport("", "\0" + "0", false), new DeclaredImport("", "", false),
                new DeclaredImport("t", "b", true)));
        WasmModule parsed = Parser.parse(prepared.bytes());
        var imports = parsed.importSection();
        assertThat(imports.importCount()).isEqualTo(3);
        assertThat(imports.stream().map(i -> i.module() + "/" + i.name()))
                .containsExactly("/\0\0" + "0", "/\0" + "0", "/\0" + "3");
        assertThat(imports.count(ExternalType.TAG)).isZero();
        var tags = parsed.tagSection().orElseThrow();
        assertThat(Arrays.stream(tags.types()).map(t -> parsed.typeSection().getType(t.typeIdx()).params()))
                .containsExactly(List.of(ValType.I64), List.of(ValType.I32), List.of(ValType.F32));
        assertThat(parsed.exportSection().getExport(0).index()).isEqualTo(2);
    }

    @Test
    void aTagSectionIsAddedBeforeTheGlobalsWhenTheModuleDefinesNoTags() {
        byte[] module = Wat.toBinary("""
                (module
                  (import "t" "a" (tag (param i32)))
                  (global (export "g") i32 (i32.const 7))
                  (func (export "f") (throw 0 (i32.const 1))))
                """);
        WasmModule parsed = Parser.parse(ChicoryModuleBytes.of(module).bytes());
        assertThat(parsed.tagSection().orElseThrow().tagCount()).isEqualTo(1);
        assertThat(parsed.importSection().importCount()).isZero();
    }

    @Test
    void truncatedOrCorruptModulesArePassedOnForChicoryToReport() {
        byte[] module = Wat.toBinary("(module (import \"\" \"\" (func)) (import \"t\" \"a\" (tag)) (func (export \"f\")))");
        // Header, then the type and import sections, each with a one-byte id and a one-byte size.
        int importSectionStart = 8 + 2 + module[9];
        int importSectionEnd = importSectionStart + 2 + module[importSectionStart + 1];
        for (int length = 0; length < importSectionEnd; length++) {
            byte[] truncated = Arrays.copyOf(module, length);
            assertThat(ChicoryModuleBytes.of(truncated).bytes()).isSameAs(truncated);
        }
        for (int i = 8; i < module.length; i++) {
            for (int value : new int[] {0x00, 0x7F, 0x80, 0xFF}) {
                byte[] corrupt = module.clone();
                corrupt[i] = (byte) value;
                assertThat(ChicoryModuleBytes.of(corrupt).bytes()).isNotNull();
            }
        }
    }
}
