package dev.jwc.runtime;

import dev.jwc.runtime.core.CoreMemory;

/**
 * The exported linear memory of a {@link CoreModuleInstance}, as its host imports see it. Addresses are
 * unsigned 32-bit guest pointers; every access is bounds-checked and traps when it falls outside.
 */
public final class GuestMemory {
    private final CoreMemory memory;

    GuestMemory(CoreMemory memory) {
        this.memory = memory;
    }

    public long byteLength() {
        return memory.byteLength();
    }

    public byte readByte(int address) {
        check(address, 1);
        return memory.readByte(address);
    }

    public int readInt(int address) {
        check(address, 4);
        return memory.readInt(address);
    }

    public long readLong(int address) {
        check(address, 8);
        return memory.readLong(address);
    }

    public byte[] readBytes(int address, int length) {
        check(address, length);
        return memory.readBytes(address, length);
    }

    public void writeByte(int address, byte value) {
        check(address, 1);
        memory.writeByte(address, value);
    }

    public void writeShort(int address, short value) {
        check(address, 2);
        memory.writeShort(address, value);
    }

    public void writeInt(int address, int value) {
        check(address, 4);
        memory.writeInt(address, value);
    }

    public void writeLong(int address, long value) {
        check(address, 8);
        memory.writeLong(address, value);
    }

    public void writeBytes(int address, byte[] bytes) {
        check(address, bytes.length);
        memory.writeBytes(address, bytes);
    }

    /** Traps unless {@code [address, address + length)} (both unsigned) lies inside the memory. */
    public void check(int address, long length) {
        long start = Integer.toUnsignedLong(address);
        Trap.trapIf(length < 0 || start + length > memory.byteLength(),
                "out of bounds memory access: " + start + "+" + length);
    }
}
