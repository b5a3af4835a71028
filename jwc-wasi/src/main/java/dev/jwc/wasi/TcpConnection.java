package dev.jwc.wasi;

import dev.jwc.runtime.Trap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * A connected, non-blocking TCP channel shared by its {@code tcp-socket} and its two streams: the channel
 * closes when the last of the three is dropped, whatever order the guest drops them in.
 */
final class TcpConnection {
    /** The most one read returns: a socket hands over what arrived, so a larger buffer only wastes memory. */
    private static final int MAX_READ = 1 << 16;

    private final SocketChannel channel;
    private final ChannelReadiness readiness;
    private int holders;
    private boolean receiveShutdown;
    private boolean sendShutdown;

    TcpConnection(SocketChannel channel, ChannelReadiness readiness) {
        this.channel = channel;
        this.readiness = readiness;
        this.holders = 1;
    }

    SocketChannel channel() {
        return channel;
    }

    /** Drops one holder; the last one closes the channel. */
    void release() {
        if (--holders == 0) {
            try {
                readiness.close();
                channel.close();
            } catch (IOException e) {
                throw new Trap("closing a TCP socket failed: " + e.getMessage(), e);
            }
        }
    }

    void shutdown(boolean receive, boolean send) throws IOException {
        if (receive && !receiveShutdown) {
            channel.shutdownInput();
            receiveShutdown = true;
        }
        if (send && !sendShutdown) {
            channel.shutdownOutput();
            sendShutdown = true;
        }
    }

    /** The {@code input-stream} of this connection; it holds the channel until dropped. */
    InStream input() {
        holders++;
        return new InStream() {
            private boolean dropped;

            @Override
            public byte[] read(int len, boolean blocking) throws IOException {
                if (receiveShutdown) {
                    return null;
                }
                ByteBuffer buf = ByteBuffer.allocate(Math.min(len, MAX_READ));
                try {
                    int n = channel.read(buf);
                    while (n == 0 && blocking && len > 0) {
                        readiness.await(SelectionKey.OP_READ);
                        n = channel.read(buf);
                    }
                    return n < 0 ? null : Arrays.copyOf(buf.array(), n);
                } catch (IOException e) {
                    throw new SocketStreamException(e);
                }
            }

            @Override
            public Pollable readiness() {
                return () -> receiveShutdown || readiness.ready(SelectionKey.OP_READ);
            }

            @Override
            public void close() {
                if (!dropped) {
                    dropped = true;
                    release();
                }
            }
        };
    }

    /**
     * The {@code output-stream} of this connection: writes go out without blocking as far as the socket
     * takes them; the rest waits in a buffer, and {@code check-write} permits nothing more until it drained.
     */
    OutStream output() {
        holders++;
        return new OutStream() {
            private ByteBuffer pending = ByteBuffer.allocate(0);
            private boolean dropped;

            @Override
            public long checkWrite() throws IOException {
                open();
                drain();
                return pending.hasRemaining() ? 0 : BUDGET;
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                open();
                if (pending.hasRemaining()) {
                    ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + bytes.length);
                    pending = joined.put(pending).put(bytes).flip();
                } else {
                    pending = ByteBuffer.wrap(bytes);
                }
                drain();
            }

            @Override
            public void flush() throws IOException {
                open();
                drain();
                while (pending.hasRemaining()) {
                    readiness.await(SelectionKey.OP_WRITE);
                    drain();
                }
            }

            @Override
            public Pollable writability() {
                return () -> sendShutdown || !pending.hasRemaining() || readiness.ready(SelectionKey.OP_WRITE);
            }

            private void open() throws StreamClosedException {
                if (sendShutdown) {
                    throw new StreamClosedException("the socket was shut down for sending");
                }
            }

            private void drain() throws IOException {
                try {
                    while (pending.hasRemaining()) {
                        if (channel.write(pending) == 0) {
                            return;
                        }
                    }
                } catch (IOException e) {
                    throw new SocketStreamException(e);
                }
            }

            @Override
            public void close() {
                if (!dropped) {
                    dropped = true;
                    release();
                }
            }
        };
    }
}
