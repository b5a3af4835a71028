package dev.jwc.runtime.core;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one seam to the core WebAssembly engine: everything else in the runtime sees core modules,
 * instances and their externs only through this package's interfaces, so the engine can be swapped.
 * Every engine failure reaches callers as {@link dev.jwc.runtime.Trap} or {@link CoreLinkException}.
 */
public interface CoreEngine {

    /** Decodes and prepares a core module once; instances are made from it any number of times. */
    CoreModule compile(byte[] bytes);

    /** Instantiates {@code module}, asking {@code imports} for each import in order, and runs its start. */
    default CoreInstance instantiate(CoreModule module, ImportResolver imports) {
        return instantiate(module, imports, OptionalLong.empty());
    }

    /**
     * Instantiates {@code module} with the memory it defines allowed to grow to at most {@code maxMemoryBytes}
     * (beyond, {@code memory.grow} fails with -1); a larger minimum size fails with a trap.
     */
    CoreInstance instantiate(CoreModule module, ImportResolver imports, OptionalLong maxMemoryBytes);

    /**
     * The Chicory engine: compiling modules to JVM bytecode (those of at least
     * {@code interpreterThreshold} bytes; smaller ones start faster interpreted), or interpreting them all.
     * Compiled classes are kept under {@code cacheDirectory} when one is given.
     */
    static CoreEngine chicory(boolean compile, int interpreterThreshold, Optional<Path> cacheDirectory) {
        return new ChicoryEngine(compile, interpreterThreshold, cacheDirectory);
    }

    /** Supplies the extern for import {@code module}.{@code name}; throws {@link CoreLinkException} if none. */
    @FunctionalInterface
    interface ImportResolver {
        CoreExtern resolve(String module, String name);
    }
}
