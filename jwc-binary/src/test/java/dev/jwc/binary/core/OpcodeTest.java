package dev.jwc.binary.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.Feature;
import dev.jwc.binary.core.instr.ImmediateKind;
import dev.jwc.binary.core.instr.Opcode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpcodeTest {

    @Test
    void everyEncodingDecodesBackToItsOpcode() {
        Set<Long> seen = new HashSet<>();
        for (Opcode op : Opcode.values()) {
            assertThat(seen.add((long) op.prefix() << 32 | op.code())).as(op.name()).isTrue();
            assertThat(Opcode.decode(op.prefix(), op.code())).as(op.name()).contains(op);
        }
    }

    @Test
    void mnemonicsAreUniqueExceptTypedSelect() {
        for (Opcode op : Opcode.values()) {
            Opcode expected = op == Opcode.SELECT_TYPED ? Opcode.SELECT : op;
            assertThat(Opcode.fromMnemonic(op.mnemonic())).as(op.name()).contains(expected);
        }
    }

    @Test
    void knownEncodingsAndShapes() {
        assertThat(Opcode.decode(0x6A)).contains(Opcode.I32_ADD);
        assertThat(Opcode.decode(0xFE, 0x00)).contains(Opcode.MEMORY_ATOMIC_NOTIFY);
        assertThat(Opcode.decode(0xFD, 13)).contains(Opcode.I8X16_SHUFFLE);
        assertThat(Opcode.decode(0xFD, 0x113)).contains(Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S);
        assertThat(Opcode.decode(0xFB, 0x15)).contains(Opcode.REF_TEST);
        assertThat(Opcode.decode(0xFB, 0x17)).contains(Opcode.REF_CAST);
        assertThat(Opcode.decode(0xFE, 0x4E)).contains(Opcode.I64_ATOMIC_RMW32_CMPXCHG_U);
        assertThat(Opcode.decode(0xFB)).isEmpty();
        assertThat(Opcode.I64_LOAD32_U.memoryBytes()).isEqualTo(4);
        assertThat(Opcode.V128_LOAD.naturalAlignLog2()).isEqualTo(4);
        assertThat(Opcode.CALL_INDIRECT.immediateKind()).isEqualTo(ImmediateKind.CALL_INDIRECT);
        assertThat(Opcode.TRY_TABLE.feature()).contains(Feature.EXCEPTIONS);
        assertThat(Opcode.I32_ADD.feature()).isEmpty();
    }
}
