package dev.jwc.runtime;

import dev.jwc.runtime.core.CoreEngine;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Shared configuration for compiling and running components. Core wasm runs on Chicory; guest code runs
 * on the calling thread, so deep guest recursion needs a thread with a large stack (stack exhaustion
 * surfaces as a {@link Trap}). Built with {@link #builder()}; {@code new Engine()} compiles every module
 * and keeps nothing on disk.
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
    private final int interpreterThreshold;
    private final Optional<Path> cacheDirectory;
    private final CoreEngine core;

    /** An engine that compiles every module, without a compile cache. */
    public Engine() {
        this(builder());
    }

    public Engine(Mode mode) {
        this(builder().mode(mode));
    }

    private Engine(Builder b) {
        this.mode = b.mode;
        this.interpreterThreshold = b.interpreterThreshold;
        this.cacheDirectory = b.cacheDirectory;
        this.core = CoreEngine.chicory(mode == Mode.COMPILER, interpreterThreshold, cacheDirectory);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Mode mode() {
        return mode;
    }

    /** In {@link Mode#COMPILER}, core modules smaller than this many bytes are interpreted (0: none are). */
    public int interpreterThreshold() {
        return interpreterThreshold;
    }

    /** Where compiled core modules are kept between processes, if anywhere. */
    public Optional<Path> cacheDirectory() {
        return cacheDirectory;
    }

    /**
     * The per-user compile cache: {@code $JWC_CACHE_DIR} if set, else {@code $XDG_CACHE_HOME/jwc}, else
     * {@code ~/.cache/jwc}.
     */
    public static Path defaultCacheDirectory() {
        String explicit = System.getenv("JWC_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "jwc");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "jwc");
    }

    CoreEngine core() {
        return core;
    }

    /** Engine settings; every setting has a default, so {@code Engine.builder().build()} is {@code new Engine()}. */
    public static final class Builder {
        private Mode mode = Mode.COMPILER;
        private int interpreterThreshold;
        private Optional<Path> cacheDirectory = Optional.empty();

        private Builder() {
        }

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        /**
         * Interpret core modules smaller than {@code bytes} even in {@link Mode#COMPILER}: they start
         * faster than they would compile, while large modules run faster compiled. Default 0.
         */
        public Builder interpreterThreshold(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("interpreter threshold must not be negative: " + bytes);
            }
            this.interpreterThreshold = bytes;
            return this;
        }

        /**
         * Keep compiled core modules under {@code directory} (created when needed), keyed by the module's
         * SHA-256 and the Chicory and jwc versions; unreadable or corrupt entries are recompiled.
         * {@link #defaultCacheDirectory()} is the usual choice. Default: no cache.
         */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = Optional.of(directory);
            return this;
        }

        /** No compile cache (the default). */
        public Builder noCache() {
            this.cacheDirectory = Optional.empty();
            return this;
        }

        public Engine build() {
            return new Engine(this);
        }
    }
}
