package dev.jwc.wasi;

import java.io.Closeable;
import java.io.IOException;

/** The host object behind a {@code wasi:io/streams} output-stream. */
interface OutStream extends Closeable {
    /** How much the guest may write without blocking: the host writes through, so a generous constant. */
    long BUDGET = 1 << 20;

    void write(byte[] bytes) throws IOException;

    /** How many bytes {@code write} may take now; 0 until {@link #writability()} is ready. */
    default long checkWrite() throws IOException {
        return BUDGET;
    }

    default Pollable writability() {
        return Pollable.READY;
    }

    default void flush() throws IOException {
    }

    @Override
    default void close() {
    }
}
