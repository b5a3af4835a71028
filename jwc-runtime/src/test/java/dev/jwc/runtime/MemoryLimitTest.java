package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Wat;
import dev.jwc.types.Val;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store's memory limit (Wasmtime's {@code -W max-memory-size}) caps every memory its instances define:
 * {@code memory.grow} beyond fails with -1, a larger minimum size traps at instantiation, and the next
 * store without a limit is unaffected.
 */
class MemoryLimitTest {
    /** Grows one page at a time until memory.grow fails; returns the size reached, in pages. */
    private static final String GROWER = """
            (core module $M
              (memory (export "memory") 1)
              (func (export "grow") (result i32)
                (block $full (loop $more
                  (br_if $full (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
                  (br_if $more (i32.lt_u (memory.size) (i32.const 1024)))))
                (memory.size)))
            """;

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void memoryGrowStopsAtTheStoresLimit(Engine.Mode mode) {
        Engine engine = new Engine(mode);
        Component c = Component.fromBinary(engine, Wat.toBinary("(component " + GROWER + """
                  (core instance $m (instantiate $M))
                  (func (export "grow") (result u32) (canon lift (core func $m "grow"))))
                """));
        InstancePre pre = new Linker(engine).instantiatePre(c);
        Val limited = pre.instantiate(new Store(engine, 10 * 65536 + 100)).func("grow").orElseThrow().call().orElseThrow();
        assertThat(limited).isEqualTo(Val.u32(10));
        Val unlimited = pre.instantiate(new Store(engine)).func("grow").orElseThrow().call().orElseThrow();
        assertThat(unlimited).isEqualTo(Val.u32(1024));
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void aCoreModuleIsLimitedToo(Engine.Mode mode) {
        Engine engine = new Engine(mode);
        CoreModuleInstance limited = CoreModuleInstance.instantiate(engine, Wat.toBinary("(module " + GROWER
                .substring(GROWER.indexOf("(memory"))), (m, n) -> Optional.empty(), OptionalLong.of(3 * 65536));
        assertThat(limited.call("grow")).containsExactly(3);
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void aMinimumSizeAboveTheLimitTrapsAtInstantiation(Engine.Mode mode) {
        Engine engine = new Engine(mode);
        byte[] big = Wat.toBinary("(module (memory 4))");
        assertThatThrownBy(() -> CoreModuleInstance.instantiate(engine, big, (m, n) -> Optional.empty(),
                OptionalLong.of(65536))).isInstanceOf(Trap.class)
                .hasMessage("memory minimum size of 4 pages exceeds the memory limit of 65536 bytes");
    }
}
