package dev.jwc.runtime.abi;

import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.runtime.core.CoreMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A little-endian linear memory for ABI tests, with a bump allocator as {@code realloc}. */
final class TestMemory implements CoreMemory {
    private final ByteBuffer bytes;
    int next = 8;
    int reallocCalls;

    TestMemory(int size) {
        bytes = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** realloc(old, oldSize, align, newSize): always fresh memory, the old bytes copied over. */
    CoreFunc realloc() {
        return args -> {
            reallocCalls++;
            int old = (int) args[0];
            int oldSize = (int) args[1];
            int align = (int) args[2];
            int size = (int) args[3];
            int ptr = (next + align - 1) / align * align;
            next = ptr + size;
            if (oldSize > 0) {
                writeBytes(ptr, readBytes(old, Math.min(oldSize, size)));
            }
            return new long[] {ptr};
        };
    }

    CanonOptions options(StringEncoding encoding) {
        return new CanonOptions(encoding, java.util.Optional.of(this), java.util.Optional.of(realloc()),
                java.util.Optional.empty());
    }

    @Override
    public long byteLength() {
        return bytes.capacity();
    }

    @Override
    public byte readByte(int address) {
        return bytes.get(address);
    }

    @Override
    public short readShort(int address) {
        return bytes.getShort(address);
    }

    @Override
    public int readInt(int address) {
        return bytes.getInt(address);
    }

    @Override
    public long readLong(int address) {
        return bytes.getLong(address);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        byte[] out = new byte[length];
        bytes.get(address, out);
        return out;
    }

    @Override
    public void writeByte(int address, byte value) {
        bytes.put(address, value);
    }

    @Override
    public void writeShort(int address, short value) {
        bytes.putShort(address, value);
    }

    @Override
    public void writeInt(int address, int value) {
        bytes.putInt(address, value);
    }

    @Override
    public void writeLong(int address, long value) {
        bytes.putLong(address, value);
    }

    @Override
    public void writeBytes(int address, byte[] data) {
        bytes.put(address, data);
    }
}
