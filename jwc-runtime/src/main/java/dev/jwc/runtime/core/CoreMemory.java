package dev.jwc.runtime.core;

import java.nio.charset.Charset;
import java.util.Arrays;

/** A linear memory; callers check bounds against {@link #byteLength()} before every access. */
public non-sealed interface CoreMemory extends CoreExtern {

    long byteLength();

    byte readByte(int address);

    short readShort(int address);

    int readInt(int address);

    long readLong(int address);

    byte[] readBytes(int address, int length);

    /** The {@code length} bytes at {@code address} decoded with {@code charset} (malformed input replaced). */
    default String decode(int address, int length, Charset charset) {
        return new String(readBytes(address, length), charset);
    }

    void writeByte(int address, byte value);

    void writeShort(int address, short value);

    void writeInt(int address, int value);

    void writeLong(int address, long value);

    void writeBytes(int address, byte[] bytes);

    /** Copies {@code length} bytes of {@code source} from {@code offset} to {@code address}. */
    default void writeBytes(int address, byte[] source, int offset, int length) {
        writeBytes(address, Arrays.copyOfRange(source, offset, offset + length));
    }
}
