package dev.jwc.wasi;

import java.io.Closeable;
import java.io.IOException;

/** The host object behind a {@code wasi:io/streams} input-stream. */
interface InStream extends Closeable {

    /** Up to {@code len} bytes; empty when nothing is ready and not {@code blocking}; null at the end. */
    byte[] read(int len, boolean blocking) throws IOException;

    Pollable readiness();

    @Override
    default void close() {
    }
}
