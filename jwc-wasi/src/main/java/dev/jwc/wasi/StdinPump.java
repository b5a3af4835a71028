package dev.jwc.wasi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Standard input read by a daemon thread, so non-blocking reads and readiness are real: the guest sees
 * what the user typed so far, and end of input, without the host ever blocking its non-blocking calls.
 */
final class StdinPump implements InStream {
    private final InputStream source;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean ended;
    private IOException failure;
    private Thread reader;

    StdinPump(InputStream source) {
        this.source = source;
    }

    private synchronized void start() {
        if (reader == null) {
            reader = Thread.ofPlatform().daemon().name("wasi-stdin").start(this::pump);
        }
    }

    private void pump() {
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = source.read(chunk)) >= 0) {
                synchronized (this) {
                    buffer.write(chunk, 0, n);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    @Override
    public synchronized byte[] read(int len, boolean blocking) throws IOException {
        start();
        while (blocking && buffer.size() == 0 && !ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading stdin", e);
            }
        }
        if (buffer.size() == 0) {
            if (failure != null) {
                throw failure;
            }
            return ended ? null : new byte[0];
        }
        byte[] all = buffer.toByteArray();
        int n = Math.min(len, all.length);
        buffer.reset();
        buffer.write(all, n, all.length - n);
        return Arrays.copyOf(all, n);
    }

    @Override
    public Pollable readiness() {
        start();
        return () -> {
            synchronized (this) {
                return buffer.size() > 0 || ended;
            }
        };
    }
}
