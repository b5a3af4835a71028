package dev.jwc.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link PagedMemory} against Chicory's {@code ByteArrayMemory}, which it replaces for unshared memories. */
class PagedMemoryTest {
    private static final int PAGE = Memory.PAGE_SIZE;

    @Test
    void pagesStartZeroedAndBelongToOneMemory() {
        PagedMemory a = new PagedMemory(new MemoryLimits(2));
        PagedMemory b = new PagedMemory(new MemoryLimits(2));
        a.writeI32(PAGE + 8, 0x01020304);
        assertThat(a.readInt(PAGE + 8)).isEqualTo(0x01020304);
        assertThat(b.readInt(PAGE + 8)).isZero();
        assertThat(a.readLong(0)).isZero();
        a.zero();
        assertThat(a.readInt(PAGE + 8)).isZero();
        assertThat(new PagedMemory(new MemoryLimits(2)).readInt(PAGE + 8)).isZero();
    }

    @Test
    void growsLikeChicoryUpToItsPageLimit() {
        PagedMemory m = new PagedMemory(new MemoryLimits(0));
        assertThat(m.pages()).isZero();
        assertThatThrownBy(() -> m.read(0)).isInstanceOf(WasmRuntimeException.class)
                .hasMessageStartingWith("out of bounds memory access");
        for (int i = 0; i < 40; i++) {
            assertThat(m.grow(1)).isEqualTo(i);
        }
        m.writeByte(40 * PAGE - 1, (byte) 7);
        assertThat(m.read(40 * PAGE - 1)).isEqualTo((byte) 7);
        assertThatThrownBy(() -> m.read(40 * PAGE)).isInstanceOf(WasmRuntimeException.class);
        assertThat(m.grow(-1)).isEqualTo(-1);
        assertThat(m.grow(Integer.MAX_VALUE)).isEqualTo(-1);
        assertThat(m.maximumPages()).isEqualTo(new ByteArrayMemory(new MemoryLimits(0)).maximumPages());
        PagedMemory bounded = new PagedMemory(new MemoryLimits(1, 3));
        assertThat(bounded.grow(2)).isEqualTo(1);
        assertThat(bounded.grow(1)).isEqualTo(-1);
        assertThat(bounded.grow(0)).isEqualTo(3);
    }

    @Test
    void failingStoresAcrossTheEndWriteNothing() {
        PagedMemory m = new PagedMemory(new MemoryLimits(1));
        m.writeI32(PAGE - 4, -1);
        assertThatThrownBy(() -> m.writeLong(PAGE - 4, 0)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.write(PAGE - 2, new byte[4], 0, 4)).isInstanceOf(WasmRuntimeException.class);
        assertThat(m.readInt(PAGE - 4)).isEqualTo(-1);
        assertThatThrownBy(() -> m.readInt(-4)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.writeI32(-4, 0)).isInstanceOf(WasmRuntimeException.class);
    }

    @Test
    void decodesWithinAndAcrossPages() {
        PagedMemory m = new PagedMemory(new MemoryLimits(2));
        byte[] text = "héllo wörld".getBytes(StandardCharsets.UTF_8);
        m.write(100, text, 0, text.length);
        m.write(PAGE - 3, text, 0, text.length);
        assertThat(m.decode(100, text.length, StandardCharsets.UTF_8)).isEqualTo("héllo wörld");
        assertThat(m.decode(PAGE - 3, text.length, StandardCharsets.UTF_8)).isEqualTo("héllo wörld");
        assertThat(m.decode(2 * PAGE, 0, StandardCharsets.UTF_8)).isEmpty();
        assertThatThrownBy(() -> m.decode(2 * PAGE - 3, 4, StandardCharsets.UTF_8))
                .isInstanceOf(WasmRuntimeException.class);
    }

    /** The same random operations on both memories must give the same results, failures and contents. */
    @Test
    void behavesAsByteArrayMemoryUnderRandomOperations() {
        Random random = new Random(20261122);
        for (int round = 0; round < 20; round++) {
            MemoryLimits limits = new MemoryLimits(random.nextInt(3), 6);
            PagedMemory paged = new PagedMemory(limits);
            ByteArrayMemory reference = new ByteArrayMemory(limits);
            for (int step = 0; step < 400; step++) {
                int op = random.nextInt(14);
                int address = address(random, reference);
                int length = random.nextInt(3) == 0 ? random.nextInt(3 * PAGE) : random.nextInt(64);
                long value = random.nextLong();
                int delta = random.nextInt(4) == 0 ? 7 : 1;
                String what = "round " + round + " step " + step + " op " + op + " at " + address + "+" + length;
                Function<Memory, Object> action = switch (op) {
                    case 0 -> m -> m.grow(delta);
                    case 1 -> m -> m.read(address);
                    case 2 -> m -> m.readShort(address);
                    case 3 -> m -> m.readInt(address);
                    case 4 -> m -> m.readLong(address);
                    case 5 -> m -> Double.doubleToRawLongBits(m.readDouble(address));
                    case 6 -> m -> store(() -> m.writeByte(address, (byte) value));
                    case 7 -> m -> store(() -> m.writeShort(address, (short) value));
                    case 8 -> m -> store(() -> m.writeI32(address, (int) value));
                    case 9 -> m -> store(() -> m.writeLong(address, value));
                    case 10 -> m -> store(() -> m.writeF32(address, Float.intBitsToFloat((int) value)));
                    case 11 -> m -> store(() -> m.fill((byte) (value & 1), address, address + length));
                    case 12 -> m -> store(() -> m.copy(address, address(new Random(value), m), length));
                    default -> m -> hash(m.readBytes(address, length));
                };
                int growBefore = reference.pages();
                assertThat(outcome(action, paged)).as(what).isEqualTo(outcome(action, reference));
                assertThat(paged.pages()).as(what).isEqualTo(reference.pages()).isGreaterThanOrEqualTo(growBefore);
            }
            assertThat(hash(paged.readBytes(0, paged.pages() * PAGE)))
                    .isEqualTo(hash(reference.readBytes(0, reference.pages() * PAGE)));
        }
    }

    /** Mostly near page boundaries and the end of memory, where the two layouts could differ. */
    private static int address(Random random, Memory m) {
        int end = m.pages() * PAGE;
        return switch (random.nextInt(4)) {
            case 0 -> end - random.nextInt(16);
            case 1 -> random.nextInt(Math.max(1, m.pages())) * PAGE - 8 + random.nextInt(16);
            case 2 -> -random.nextInt(8);
            default -> random.nextInt(end + 1);
        };
    }

    private static Object store(Runnable store) {
        store.run();
        return "stored";
    }

    private static Object outcome(Function<Memory, Object> action, Memory m) {
        try {
            return action.apply(m);
        } catch (WasmRuntimeException e) {
            return "trap";
        }
    }

    private static int hash(byte[] bytes) {
        return java.util.Arrays.hashCode(bytes);
    }
}
