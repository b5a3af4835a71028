package dev.jwc.wasi;

import dev.jwc.runtime.Trap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * A connected, non-blocking TCP channel shared by its {@code tcp-socket} and its two streams: the channel
 * closes when the last of them is dropped, whatever order the guest drops them in.
 *
 * <p>Writes go out as far as the socket takes them; the rest waits in {@code pending}, and
 * {@code check-write} permits nothing more until it drained. Data the guest wrote is never lost: when it
 * shuts the sending side down or drops the output stream with data still pending, a virtual thread sends
 * the rest (then shuts down), holding the channel open until it is done.
 */
final class TcpConnection {
    /** The most one read returns: a socket hands over what arrived, so a larger buffer only wastes memory. */
    private static final int MAX_READ = 1 << 16;

    private final SocketChannel channel;
    private final ChannelReadiness readiness;
    private int holders = 1;
    private boolean receiveShutdown;
    /** The guest may not write any more (after this, only a background drain touches {@code pending}). */
    private boolean sendShutdown;
    /** The peer finished sending. */
    private boolean ended;
    /** One byte a zero-length read took to find out whether the stream ended. */
    private ByteBuffer carry;
    private ByteBuffer pending = ByteBuffer.allocate(0);
    /** A virtual thread is sending {@code pending} (guarded by this). */
    private boolean draining;
    /** The guest shut the sending side down (guarded by this): the FIN follows the pending data. */
    private boolean finRequested;

    TcpConnection(SocketChannel channel, ChannelReadiness readiness) {
        this.channel = channel;
        this.readiness = readiness;
    }

    SocketChannel channel() {
        return channel;
    }

    /** Drops one holder (the socket, a stream, or a background drain); the last one closes the channel. */
    synchronized void release() throws IOException {
        if (--holders == 0) {
            readiness.close();
            channel.close();
        }
    }

    private synchronized void retain() {
        holders++;
    }

    /** A release on behalf of a guest call, where a failure to close is a trap. */
    void releaseForGuest() {
        try {
            release();
        } catch (IOException e) {
            throw new Trap("closing a TCP socket failed: " + e.getMessage(), e);
        }
    }

    void shutdown(boolean receive, boolean send) throws IOException {
        if (receive && !receiveShutdown) {
            channel.shutdownInput();
            receiveShutdown = true;
        }
        if (send && !sendShutdown) {
            sendShutdown = true;
            synchronized (this) {
                finRequested = true;
                if (draining) {
                    return;
                }
            }
            drain();
            if (pending.hasRemaining()) {
                drainInBackground();
            } else {
                channel.shutdownOutput();
            }
        }
    }

    /** The {@code input-stream} of this connection; it holds the channel until dropped. */
    InStream input() {
        retain();
        return new Input();
    }

    /** The {@code output-stream} of this connection; it holds the channel until dropped. */
    OutStream output() {
        retain();
        return new Output();
    }

    /** Writes what the socket takes now; the rest stays pending. */
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

    private void drainInBackground() {
        synchronized (this) {
            draining = true;
        }
        retain();
        Thread.ofVirtual().name("wasi-tcp-drain").start(() -> {
            try (ChannelReadiness own = new ChannelReadiness(channel)) {
                drain();
                while (pending.hasRemaining()) {
                    own.await(SelectionKey.OP_WRITE);
                    drain();
                }
                boolean fin;
                synchronized (this) {
                    draining = false;
                    fin = finRequested;
                }
                if (fin) {
                    channel.shutdownOutput();
                }
                release();
            } catch (IOException e) {
                // the peer went away or the channel failed: no guest call is left to report it to
                closeAfterFailure();
            }
        });
    }

    private void closeAfterFailure() {
        try {
            release();
        } catch (IOException e) {
            // closing a channel that already failed: the first failure was the one that mattered
        }
    }

    private final class Input implements InStream {
        private boolean dropped;

        @Override
        public byte[] read(int len, boolean blocking) throws IOException {
            if (receiveShutdown || ended) {
                return null;
            }
            try {
                if (len == 0) {
                    return peek() ? new byte[0] : null;
                }
                if (carry != null) {
                    byte[] one = {carry.get()};
                    carry = null;
                    return one;
                }
                ByteBuffer buf = ByteBuffer.allocate(Math.min(len, MAX_READ));
                int n = channel.read(buf);
                while (n == 0 && blocking) {
                    readiness.await(SelectionKey.OP_READ);
                    n = channel.read(buf);
                }
                if (n < 0) {
                    ended = true;
                    return null;
                }
                return Arrays.copyOf(buf.array(), n);
            } catch (IOException e) {
                throw new SocketStreamException(e);
            }
        }

        /** False when the stream has ended; keeps a byte that arrived for the next read. */
        private boolean peek() throws IOException {
            if (carry != null) {
                return true;
            }
            ByteBuffer one = ByteBuffer.allocate(1);
            int n = channel.read(one);
            if (n < 0) {
                ended = true;
                return false;
            }
            if (n == 1) {
                carry = one.flip();
            }
            return true;
        }

        @Override
        public Pollable readiness() {
            return () -> receiveShutdown || ended || carry != null || readiness.ready(SelectionKey.OP_READ);
        }

        @Override
        public void close() {
            if (!dropped) {
                dropped = true;
                releaseForGuest();
            }
        }
    }

    private final class Output implements OutStream {
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

        @Override
        public void close() {
            if (dropped) {
                return;
            }
            dropped = true;
            if (!sendShutdown && pending.hasRemaining()) {
                drainInBackground();
            }
            releaseForGuest();
        }
    }
}
