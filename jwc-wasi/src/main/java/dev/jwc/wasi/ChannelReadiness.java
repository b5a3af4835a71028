package dev.jwc.wasi;

import dev.jwc.runtime.Trap;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Readiness of one non-blocking channel through its own {@link Selector}: a zero-timeout check for
 * pollables, and a wait for the blocking variants of stream calls.
 */
final class ChannelReadiness implements Closeable {
    private final SelectableChannel channel;
    private Selector selector;
    private SelectionKey key;

    ChannelReadiness(SelectableChannel channel) {
        this.channel = channel;
    }

    /** Whether any of {@code ops} (SelectionKey.OP_*) would not block now. */
    synchronized boolean ready(int ops) {
        try {
            return select(ops, -1);
        } catch (IOException e) {
            // a failed channel is "ready": the next operation on it reports the failure
            return true;
        }
    }

    /** Waits until one of {@code ops} would not block; an interrupt (the run's timeout) traps the guest. */
    synchronized void await(int ops) throws IOException {
        while (!select(ops, 100)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new Trap("interrupted while waiting for a socket");
            }
        }
    }

    /** One selection: {@code timeoutMillis} < 0 does not wait. */
    private boolean select(int ops, long timeoutMillis) throws IOException {
        if (!channel.isOpen()) {
            return true;
        }
        if (selector == null) {
            selector = Selector.open();
            key = channel.register(selector, ops);
        } else {
            key.interestOps(ops);
        }
        selector.selectedKeys().clear();
        int n = timeoutMillis < 0 ? selector.selectNow() : selector.select(timeoutMillis);
        return n > 0 || selector.selectedKeys().contains(key) && (key.readyOps() & ops) != 0;
    }

    @Override
    public synchronized void close() throws IOException {
        if (selector != null) {
            selector.close();
        }
    }
}
