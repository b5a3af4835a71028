package dev.jwc.wasi;

import dev.jwc.runtime.Trap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Waits for pollables: sleeps until the earliest deadline, re-checking other sources every millisecond. */
final class Polling {
    private static final long TICK_NANOS = 1_000_000;

    private Polling() {
    }

    static List<Integer> poll(List<Pollable> pollables) {
        Trap.trapIf(pollables.isEmpty(), "poll called with an empty list of pollables");
        while (true) {
            List<Integer> ready = new ArrayList<>();
            long deadline = Long.MAX_VALUE;
            for (int i = 0; i < pollables.size(); i++) {
                Pollable p = pollables.get(i);
                if (p.ready()) {
                    ready.add(i);
                }
                deadline = Math.min(deadline, p.deadline());
            }
            if (!ready.isEmpty()) {
                return ready;
            }
            long wait = deadline == Long.MAX_VALUE ? TICK_NANOS : Math.min(TICK_NANOS, deadline - System.nanoTime());
            LockSupport.parkNanos(Math.max(wait, 1));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new Trap("interrupted while waiting in wasi:io/poll");
            }
        }
    }

    static void block(Pollable p) {
        poll(List.of(p));
    }
}
