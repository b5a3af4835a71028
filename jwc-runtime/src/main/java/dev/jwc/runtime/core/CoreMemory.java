package dev.jwc.runtime.core;

/** A linear memory; callers check bounds against {@link #byteLength()} before every access. */
public non-sealed interface CoreMemory extends CoreExtern {

    long byteLength();

    byte readByte(int address);

    short readShort(int address);

    int readInt(int address);

    long readLong(int address);

    byte[] readBytes(int address, int length);

    void writeByte(int address, byte value);

    void writeShort(int address, short value);

    void writeInt(int address, int value);

    void writeLong(int address, long value);

    void writeBytes(int address, byte[] bytes);
}
