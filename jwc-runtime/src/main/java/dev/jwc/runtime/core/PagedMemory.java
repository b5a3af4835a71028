package dev.jwc.runtime.core;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.ref.SoftReference;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.function.Function;

/**
 * An unshared linear memory of 64 KiB {@code byte[]} pages, laid out and accessed as Chicory's
 * {@code ByteArrayMemory}, but whose page table grows with {@code memory.grow}: Chicory sizes it to the
 * maximum up front (32767 entries, 128 KiB, for a memory without a declared maximum), which dominated
 * instantiation. An access outside the memory fails on the page table (an index beyond it or a
 * {@code null} entry of its spare capacity) and becomes Chicory's out-of-bounds trap. Pages are made
 * eagerly: pages made on first access (a shared zero page, or {@code null} entries) made store-heavy
 * guest code up to 50% slower in some JIT outcomes, see docs/PERFORMANCE.md.
 */
final class PagedMemory implements Memory {
    private static final int SHIFT = 16;
    private static final int MASK = PAGE_SIZE - 1;
    /** Chicory's own limit for byte-array memories: the byte size must stay an {@code int}. */
    private static final int MAX_PAGES = 32767;
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private static final ThreadLocal<SoftReference<byte[]>> SCRATCH =
            ThreadLocal.withInitial(() -> new SoftReference<>(null));

    private final MemoryLimits limits;
    private final int maximumPages;
    /** Entries below {@link #size} are pages; the spare capacity above is null. */
    private byte[][] pages;
    private int size;
    private DataSegment[] dataSegments;

    PagedMemory(MemoryLimits limits) {
        if (limits.initialPages() > MAX_PAGES) {
            throw new UninstantiableException("memory of " + limits.initialPages() + " pages exceeds the "
                    + MAX_PAGES + " pages a byte-array memory can hold");
        }
        this.limits = limits;
        this.maximumPages = Math.min(limits.maximumPages(), MAX_PAGES);
        this.size = limits.initialPages();
        this.pages = new byte[Math.max(size, 1)][];
        addPages(0, size);
    }

    @Override
    public int pages() {
        return size;
    }

    @Override
    public int grow(int delta) {
        int old = size;
        long next = (long) old + delta;
        if (delta < 0 || next > maximumPages) {
            return -1;
        }
        if (next > pages.length) {
            pages = Arrays.copyOf(pages, (int) Math.min(maximumPages, Math.max(next, 2L * pages.length)));
        }
        addPages(old, (int) next);
        size = (int) next;
        return old;
    }

    private void addPages(int from, int to) {
        for (int i = from; i < to; i++) {
            pages[i] = new byte[PAGE_SIZE];
        }
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return maximumPages;
    }

    @Override
    public boolean shared() {
        return false;
    }

    /** Atomics on an unshared memory need no more than one monitor: only one thread runs its instance. */
    @Override
    public Object lock(int address) {
        return this;
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        throw notShared();
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        throw notShared();
    }

    private static ChicoryException notShared() {
        return new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    public int notify(int address, int count) {
        return 0;
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        initialize(instance, segments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
        this.dataSegments = segments;
        if (segments == null) {
            return;
        }
        for (DataSegment segment : segments) {
            switch (segment) {
                case ActiveDataSegment active when active.index() == memoryIndex -> {
                    int offset = (int) ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
                    byte[] data = active.data();
                    checkBounds(offset, data.length, byteSize(), UninstantiableException::new);
                    write(offset, data, 0, data.length);
                }
                case ActiveDataSegment other -> {
                }
                case PassiveDataSegment passive -> {
                }
                default -> throw new ChicoryException("Data segment should be active or passive: " + segment);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segment, int address, int offset, int length) {
        write(address, dataSegments[segment].data(), offset, length);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    private int byteSize() {
        return size << SHIFT;
    }

    private static void checkBounds(int address, int length, int limit, Function<String, ChicoryException> failure) {
        if (address < 0 || length < 0 || (long) address + length > limit) {
            throw failure.apply(oobMessage(address, limit, length));
        }
    }

    private static String oobMessage(int address, int limit, int length) {
        return "out of bounds memory access: attempted to access address: " + address + " but limit is: " + limit
                + " and size: " + length;
    }

    private WasmRuntimeException outOfBounds(int address, int length) {
        return new WasmRuntimeException(oobMessage(address, byteSize(), length));
    }

    @Override
    public byte read(int address) {
        try {
            return pages[address >>> SHIFT][address & MASK];
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 1);
        }
    }

    @Override
    public void writeByte(int address, byte value) {
        try {
            pages[address >>> SHIFT][address & MASK] = value;
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 1);
        }
    }

    @Override
    public short readShort(int address) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 2) {
            return (short) ((read(address) & 0xff) | (read(address + 1) & 0xff) << 8);
        }
        try {
            return (short) SHORT.get(pages[address >>> SHIFT], offset);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 2);
        }
    }

    @Override
    public long readU16(int address) {
        return readShort(address) & 0xffffL;
    }

    @Override
    public void writeShort(int address, short value) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 2) {
            writeStraddling(address, value, 2);
            return;
        }
        try {
            SHORT.set(pages[address >>> SHIFT], offset, value);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 2);
        }
    }

    @Override
    public int readInt(int address) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 4) {
            return (int) readStraddling(address, 4);
        }
        try {
            return (int) INT.get(pages[address >>> SHIFT], offset);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 4);
        }
    }

    @Override
    public void writeI32(int address, int value) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 4) {
            writeStraddling(address, value, 4);
            return;
        }
        try {
            INT.set(pages[address >>> SHIFT], offset, value);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 4);
        }
    }

    @Override
    public long readLong(int address) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 8) {
            return readStraddling(address, 8);
        }
        try {
            return (long) LONG.get(pages[address >>> SHIFT], offset);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 8);
        }
    }

    @Override
    public void writeLong(int address, long value) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 8) {
            writeStraddling(address, value, 8);
            return;
        }
        try {
            LONG.set(pages[address >>> SHIFT], offset, value);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 8);
        }
    }

    @Override
    public float readFloat(int address) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 4) {
            return Float.intBitsToFloat(readInt(address));
        }
        try {
            return (float) FLOAT.get(pages[address >>> SHIFT], offset);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 4);
        }
    }

    @Override
    public long readF32(int address) {
        return readInt(address);
    }

    @Override
    public void writeF32(int address, float value) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 4) {
            writeI32(address, Float.floatToRawIntBits(value));
            return;
        }
        try {
            FLOAT.set(pages[address >>> SHIFT], offset, value);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 4);
        }
    }

    @Override
    public double readDouble(int address) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 8) {
            return Double.longBitsToDouble(readLong(address));
        }
        try {
            return (double) DOUBLE.get(pages[address >>> SHIFT], offset);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 8);
        }
    }

    @Override
    public long readF64(int address) {
        return readLong(address);
    }

    @Override
    public void writeF64(int address, double value) {
        int offset = address & MASK;
        if (offset > PAGE_SIZE - 8) {
            writeLong(address, Double.doubleToRawLongBits(value));
            return;
        }
        try {
            DOUBLE.set(pages[address >>> SHIFT], offset, value);
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw outOfBounds(address, 8);
        }
    }

    /** A little-endian value across a page boundary, byte by byte (each byte bounds-checked). */
    private long readStraddling(int address, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = value << 8 | (read(address + i) & 0xff);
        }
        return value;
    }

    /** Checks the whole range first, so that a failing store writes nothing. */
    private void writeStraddling(int address, long value, int width) {
        checkBounds(address, width, byteSize(), WasmRuntimeException::new);
        for (int i = 0; i < width; i++) {
            writeByte(address + i, (byte) (value >>> (8 * i)));
        }
    }

    @Override
    public byte[] readBytes(int address, int length) {
        byte[] out = new byte[length];
        readBytes(address, out, 0, length);
        return out;
    }

    private void readBytes(int address, byte[] target, int offset, int length) {
        checkBounds(address, length, byteSize(), WasmRuntimeException::new);
        while (length > 0) {
            int inPage = address & MASK;
            int chunk = Math.min(length, PAGE_SIZE - inPage);
            System.arraycopy(pages[address >>> SHIFT], inPage, target, offset, chunk);
            address += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    /**
     * Decodes {@code [address, address + length)} with {@code charset}; a range inside one page is decoded
     * straight from the page, a longer one from a reused per-thread buffer.
     */
    String decode(int address, int length, Charset charset) {
        checkBounds(address, length, byteSize(), WasmRuntimeException::new);
        if (length == 0) {
            return "";
        }
        int inPage = address & MASK;
        if (inPage + length <= PAGE_SIZE) {
            return new String(pages[address >>> SHIFT], inPage, length, charset);
        }
        byte[] scratch = scratch(length);
        readBytes(address, scratch, 0, length);
        return new String(scratch, 0, length, charset);
    }

    /**
     * This thread's buffer for gathering a range that spans pages, of at least {@code length} bytes: a
     * reused buffer stays in cache, while a fresh string-sized array would be one more cold copy per
     * decode. Softly held, so an occasional huge string does not pin its buffer.
     */
    private static byte[] scratch(int length) {
        byte[] scratch = SCRATCH.get().get();
        if (scratch == null || scratch.length < length) {
            scratch = new byte[length];
            SCRATCH.set(new SoftReference<>(scratch));
        }
        return scratch;
    }

    @Override
    public void write(int address, byte[] data, int offset, int length) {
        checkBounds(offset, length, data.length, WasmRuntimeException::new);
        checkBounds(address, length, byteSize(), WasmRuntimeException::new);
        while (length > 0) {
            int inPage = address & MASK;
            int chunk = Math.min(length, PAGE_SIZE - inPage);
            System.arraycopy(data, offset, pages[address >>> SHIFT], inPage, chunk);
            address += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    @Override
    public void zero() {
        for (int i = 0; i < size; i++) {
            Arrays.fill(pages[i], (byte) 0);
        }
    }

    @Override
    public void fill(byte value, int from, int to) {
        int length = to - from;
        checkBounds(from, length, byteSize(), WasmRuntimeException::new);
        while (length > 0) {
            int inPage = from & MASK;
            int chunk = Math.min(length, PAGE_SIZE - inPage);
            Arrays.fill(pages[from >>> SHIFT], inPage, inPage + chunk, value);
            from += chunk;
            length -= chunk;
        }
    }

    @Override
    public void copy(int destination, int source, int length) {
        int limit = byteSize();
        checkBounds(source, length, limit, WasmRuntimeException::new);
        checkBounds(destination, length, limit, WasmRuntimeException::new);
        if (destination > source && destination < source + length) {
            copyBackward(destination, source, length);
        } else {
            copyForward(destination, source, length);
        }
    }

    private void copyForward(int destination, int source, int length) {
        while (length > 0) {
            int to = destination & MASK;
            int from = source & MASK;
            int chunk = Math.min(length, PAGE_SIZE - Math.max(to, from));
            byte[] target = pages[destination >>> SHIFT];
            System.arraycopy(pages[source >>> SHIFT], from, target, to, chunk);
            destination += chunk;
            source += chunk;
            length -= chunk;
        }
    }

    /** For overlapping ranges with the destination above the source: copies from the end down. */
    private void copyBackward(int destination, int source, int length) {
        int destinationEnd = destination + length;
        int sourceEnd = source + length;
        while (length > 0) {
            int to = destinationEnd & MASK;
            int from = sourceEnd & MASK;
            int chunk = Math.min(length, Math.min(to == 0 ? PAGE_SIZE : to, from == 0 ? PAGE_SIZE : from));
            destinationEnd -= chunk;
            sourceEnd -= chunk;
            byte[] target = pages[destinationEnd >>> SHIFT];
            System.arraycopy(pages[sourceEnd >>> SHIFT], sourceEnd & MASK, target, destinationEnd & MASK, chunk);
            length -= chunk;
        }
    }
}
