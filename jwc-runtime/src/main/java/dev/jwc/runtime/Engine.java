package dev.jwc.runtime;

import dev.jwc.runtime.core.CoreEngine;

/**
 * Shared configuration for compiling and running components. Core wasm runs on Chicory's interpreter;
 * guest code runs on the calling thread, so deep guest recursion needs a thread with a large stack
 * (stack exhaustion surfaces as a {@link Trap}).
 */
public final class Engine {
    /** How core wasm runs. */
    public enum Mode {
        /** Modules are compiled to JVM bytecode once per {@link Component} (the default). */
        COMPILER,
        /** Modules are interpreted: no compilation cost, slower execution. */
        INTERPRETER
    }

    private final Mode mode;
    private final CoreEngine core;

    /** An engine that compiles. */
    public Engine() {
        this(Mode.COMPILER);
    }

    public Engine(Mode mode) {
        this.mode = mode;
        this.core = CoreEngine.chicory(mode == Mode.COMPILER);
    }

    public Mode mode() {
        return mode;
    }

    CoreEngine core() {
        return core;
    }
}
