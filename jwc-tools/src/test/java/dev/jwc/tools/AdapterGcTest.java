package dev.jwc.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.Features;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.text.Wat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdapterGcTest {
    private static final String ADAPTER = """
            (module
              (import "env" "memory" (memory 0))
              (import "new" "used" (func $used (param i32)))
              (import "new" "unused" (func $unused))
              (import "__main_module__" "cabi_realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))
              (global $__stack_pointer (mut i32) i32.const 0)
              %s
              (func (export "keep") (param i32)
                (i32.store (global.get $__stack_pointer) (i32.const 1))
                %s
                local.get 0
                call $used)
              (func (export "drop") call $unused)
              (func (export "realloc_user") (result i32)
                (call $realloc (i32.const 0) (i32.const 0) (i32.const 8) (i32.const 65536))))
            """;

    private static CoreModule adapter(boolean allocationState) {
        return Wat.parseCoreModule(ADAPTER.formatted(
                allocationState ? "(global $allocation_state (mut i32) i32.const 0)" : "",
                allocationState ? "global.get $allocation_state drop" : ""));
    }

    private static List<String> imports(CoreModule m) {
        return m.imports().stream().map(i -> i.module() + "::" + i.name()).toList();
    }

    @Test
    void onlyRequiredExportsAndWhatTheyReachStay() {
        CoreModule trimmed = AdapterGc.trim("old", adapter(false), Set.of("keep"), Optional.of("cabi_realloc"));
        CoreValidator.validate(trimmed, Features.all());
        assertThat(trimmed.exports()).extracting(Export::name).containsExactly("keep");
        assertThat(imports(trimmed)).containsExactly("env::memory", "new::used");
    }

    @Test
    void stackWithoutAllocationStateComesFromMemoryGrowInAStartFunction() {
        CoreModule trimmed = AdapterGc.trim("old", adapter(false), Set.of("keep"), Optional.of("cabi_realloc"));
        assertThat(trimmed.start()).isPresent();
        assertThat(bodyOf(trimmed, trimmed.start().getAsInt()))
                .anyMatch(i -> i.opcode() == Opcode.GLOBAL_SET);
    }

    @Test
    void stackWithAllocationStateIsAllocatedLazilyFromTheMainRealloc() {
        CoreModule trimmed = AdapterGc.trim("old", adapter(true), Set.of("keep"), Optional.of("cabi_realloc"));
        CoreValidator.validate(trimmed, Features.all());
        assertThat(trimmed.start()).isEmpty();
        assertThat(imports(trimmed)).contains("__main_module__::cabi_realloc");
        int keep = trimmed.exports().getFirst().index();
        assertThat(bodyOf(trimmed, keep).getFirst().opcode()).isEqualTo(Opcode.CALL);
    }

    @Test
    void reallocImportIsReplacedWhenTheMainModuleHasNone() {
        CoreModule trimmed = AdapterGc.trim("old", adapter(false), Set.of("realloc_user"), Optional.empty());
        CoreValidator.validate(trimmed, Features.all());
        assertThat(imports(trimmed)).containsExactly("env::memory");
    }

    @Test
    void invalidAdapterIsAnError() {
        CoreModule broken = Wat.parseCoreModule("(module (export \"f\" (func 3)) (func))");
        assertThatThrownBy(() -> AdapterGc.trim("old", broken, Set.of("f"), Optional.empty()))
                .isInstanceOf(ToolsException.class).hasMessageContaining("adapter `old` is not a valid core module");
    }

    @Test
    void missingRequiredExportIsAnError() {
        assertThatThrownBy(() -> AdapterGc.trim("old", adapter(false), Set.of("nope"), Optional.empty()))
                .isInstanceOf(ToolsException.class).hasMessageContaining("does not have export `nope`");
    }

    private static List<Instruction> bodyOf(CoreModule m, int func) {
        int imported = (int) m.imports().stream().filter(i -> i.type() instanceof
                dev.jwc.binary.core.types.EntityType.Func).count();
        return m.code().get(func - imported).body().instructions();
    }
}
