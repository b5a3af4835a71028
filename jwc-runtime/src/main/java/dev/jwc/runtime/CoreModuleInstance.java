package dev.jwc.runtime;

import dev.jwc.runtime.core.CoreEngine;
import dev.jwc.runtime.core.CoreExtern;
import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.runtime.core.CoreInstance;
import dev.jwc.runtime.core.CoreLinkException;
import dev.jwc.runtime.core.CoreMemory;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plain core WebAssembly module (not a component) instantiated against host functions, e.g. a WASI
 * preview1 program. Values travel as longs: i32 sign-extended, i64 as is, floats as raw bits.
 */
public final class CoreModuleInstance {

    /** A host import; it sees the instance's exported {@code memory}. Throwing {@link Trap} aborts the guest. */
    @FunctionalInterface
    public interface HostImport {
        long[] call(GuestMemory memory, long[] args);
    }

    /** Finds the host function for import {@code module}.{@code name}; empty when the host has none. */
    @FunctionalInterface
    public interface Imports {
        Optional<HostImport> find(String module, String name);
    }

    private final CoreInstance instance;

    private CoreModuleInstance(CoreInstance instance) {
        this.instance = instance;
    }

    /**
     * Instantiates {@code bytes} with the functions {@code imports} finds and runs its
     * start section. Throws {@link LinkException} for an invalid module or a missing or non-function
     * import, {@link Trap} when the start section traps.
     */
    public static CoreModuleInstance instantiate(Engine engine, byte[] bytes, Imports imports) {
        return instantiate(engine, bytes, imports, OptionalLong.empty());
    }

    /** As {@link #instantiate(Engine, byte[], Imports)}, with the module's memory limited as {@link Store#Store(Engine, long)}. */
    public static CoreModuleInstance instantiate(Engine engine, byte[] bytes, Imports imports,
                                                 OptionalLong maxMemoryBytes) {
        CoreEngine core = engine.core();
        AtomicReference<GuestMemory> memory = new AtomicReference<>();
        try {
            CoreInstance instance = core.instantiate(core.compile(bytes), (module, name) -> {
                HostImport f = imports.find(module, name).orElseThrow(() -> new CoreLinkException(
                        "unknown import: `" + module + "::" + name + "` has not been defined"));
                return (CoreFunc) args -> {
                    GuestMemory m = memory.get();
                    Trap.trapIf(m == null, "`" + module + "::" + name + "` needs the exported memory `memory`");
                    return f.call(m, args);
                };
            }, maxMemoryBytes);
            instance.export("memory").ifPresent(e -> {
                if (e instanceof CoreMemory m) {
                    memory.set(new GuestMemory(m));
                }
            });
            return new CoreModuleInstance(instance);
        } catch (CoreLinkException e) {
            throw new LinkException(e.getMessage(), e);
        }
    }

    /** Whether the module exports a function {@code name}. */
    public boolean hasFunction(String name) {
        return instance.export(name).filter(CoreFunc.class::isInstance).isPresent();
    }

    /** Calls the exported function {@code name}; traps come back as {@link Trap}. */
    public long[] call(String name, long... args) {
        Optional<CoreExtern> export = instance.export(name);
        if (!(export.orElse(null) instanceof CoreFunc f)) {
            throw new LinkException("the module exports no function `" + name + "`");
        }
        return f.call(args);
    }
}
