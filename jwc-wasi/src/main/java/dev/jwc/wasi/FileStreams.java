package dev.jwc.wasi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/** Streams over a file at a moving offset, or appending: files are always ready. */
final class FileStreams {
    private FileStreams() {
    }

    static InStream input(FileChannel channel, long start) {
        return new InStream() {
            private long offset = start;

            @Override
            public byte[] read(int len, boolean blocking) throws IOException {
                ByteBuffer buf = ByteBuffer.allocate(len);
                int n = channel.read(buf, offset);
                if (n < 0) {
                    return len == 0 ? new byte[0] : null;
                }
                offset += n;
                return Arrays.copyOf(buf.array(), n);
            }

            @Override
            public Pollable readiness() {
                return Pollable.READY;
            }
        };
    }

    static OutStream output(FileChannel channel, long start, boolean append) {
        return new OutStream() {
            private long offset = start;

            @Override
            public void write(byte[] bytes) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                if (append) {
                    offset = channel.size();
                }
                while (buf.hasRemaining()) {
                    offset += channel.write(buf, offset);
                }
            }

            @Override
            public void flush() throws IOException {
                channel.force(false);
            }
        };
    }
}
