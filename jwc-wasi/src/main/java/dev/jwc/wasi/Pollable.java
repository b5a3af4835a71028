package dev.jwc.wasi;

/** What a {@code wasi:io/poll} pollable waits for. */
interface Pollable {

    boolean ready();

    /** The instant (System.nanoTime) at which this becomes ready by itself, or Long.MAX_VALUE. */
    default long deadline() {
        return Long.MAX_VALUE;
    }

    /** Always ready: files and stdout never make the guest wait. */
    Pollable READY = () -> true;

    /** Ready once {@code System.nanoTime()} reaches {@code at}. */
    static Pollable at(long at) {
        return new Pollable() {
            @Override
            public boolean ready() {
                return System.nanoTime() - at >= 0;
            }

            @Override
            public long deadline() {
                return at;
            }
        };
    }
}
