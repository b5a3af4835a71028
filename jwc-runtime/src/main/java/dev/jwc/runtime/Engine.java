package dev.jwc.runtime;

import dev.jwc.runtime.core.CoreEngine;

/**
 * Shared configuration for compiling and running components. Core wasm runs on Chicory's interpreter;
 * guest code runs on the calling thread, so deep guest recursion needs a thread with a large stack
 * (stack exhaustion surfaces as a {@link Trap}).
 */
public final class Engine {
    private final CoreEngine core;

    public Engine() {
        this.core = CoreEngine.chicory();
    }

    CoreEngine core() {
        return core;
    }
}
