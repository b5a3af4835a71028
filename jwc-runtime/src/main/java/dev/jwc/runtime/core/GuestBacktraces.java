package dev.jwc.runtime.core;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guest backtraces for compiled modules. Each module an engine compiles gets its own generated class name
 * (derived from the module's bytes, so it is the same in every process and a compile cache stays valid),
 * so the JVM frames of a trap's stack ({@code <class>FuncGroup_k.func_N}) tell which module and which wasm
 * function (index N) every guest frame belongs to, even when a call crossed from one core instance into
 * another; the name section, when the binary has one, names them. The compiler's trampolines for
 * imported functions (indices below the module's imported-function count) are no guest frames and are left
 * out. Interpreted modules leave no guest frames on the JVM stack: {@link TracingInterpreter} reports each
 * call a failure unwinds through instead. When compiled and interpreted modules share one stack, the
 * compiled frames are listed first.
 */
final class GuestBacktraces {
    /** At most this many frames are kept: a stack exhaustion would otherwise keep thousands. */
    static final int MAX_FRAMES = 100;
    private static final String PACKAGE = "com.dylibso.chicory.$gen.";
    private final Map<String, Compiled> modules = new ConcurrentHashMap<>();
    /** Interpreted frames per failure in flight; weak, so a dropped failure is forgotten. */
    private final Map<Throwable, Unwound> interpreted = Collections.synchronizedMap(new WeakHashMap<>());

    /** The first {@link #MAX_FRAMES} interpreted frames a failure unwound through, innermost first, and their count. */
    private static final class Unwound {
        final List<String> frames = new ArrayList<>();
        int total;
    }

    /** What naming a compiled module's frames needs (not the module: an engine keeps this for its lifetime). */
    private record Compiled(NameCustomSection names, int importedFunctions) {
    }

    /** The generated class name for {@code module} (parsed from {@code bytes}), remembered so its frames can be named. */
    String className(WasmModule module, byte[] bytes) {
        String name = PACKAGE + "Jwc" + digest(bytes) + "Machine";
        modules.put(name, new Compiled(module.nameSection(), importedFunctions(module)));
        return name;
    }

    private static int importedFunctions(WasmModule module) {
        int imported = 0;
        for (int i = 0; i < module.importSection().importCount(); i++) {
            if (module.importSection().getImport(i).importType() == ExternalType.FUNCTION) {
                imported++;
            }
        }
        return imported;
    }

    /** An interpreter for {@code instance} that reports the guest frames failures unwind through. */
    TracingInterpreter interpreter(com.dylibso.chicory.runtime.Instance instance) {
        return new TracingInterpreter(instance, this);
    }

    /** Notes that {@code failure} unwound through a call of {@code function} in interpreted {@code module}. */
    void unwound(Throwable failure, WasmModule module, int function) {
        if (function >= importedFunctions(module)) {
            Unwound u = interpreted.computeIfAbsent(failure, f -> new Unwound());
            if (++u.total <= MAX_FRAMES) {
                u.frames.add(name(module.nameSection(), function));
            }
        }
    }

    /**
     * The guest frames of {@code failure}, innermost first, as {@code module!function}: the compiled frames of
     * the deepest stack in its cause chain (the compiled code may wrap, e.g. a stack overflow), then the
     * interpreted frames noted for it.
     */
    List<String> of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 16 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        List<String> frames = new ArrayList<>();
        int total = 0;
        for (Throwable t : chain.reversed()) {
            total = compiledFrames(t, frames);
            if (total > 0) {
                break;
            }
        }
        for (Throwable t : chain) {
            Unwound unwound = interpreted.remove(t);
            if (unwound != null) {
                unwound.frames.stream().limit(Math.max(0, MAX_FRAMES - total)).forEach(frames::add);
                total += unwound.total;
            }
        }
        if (total > MAX_FRAMES) {
            frames.add("... " + (total - MAX_FRAMES) + " more frames");
        }
        return List.copyOf(frames);
    }

    /** Adds the first compiled guest frames on {@code t}'s stack to {@code frames}; how many there are. */
    private int compiledFrames(Throwable t, List<String> frames) {
        int total = 0;
        for (StackTraceElement e : t.getStackTrace()) {
            if (!e.getMethodName().startsWith("func_")) {
                continue;
            }
            String cls = e.getClassName();
            int group = cls.lastIndexOf("FuncGroup_");
            Compiled compiled = group < 0 ? null : modules.get(cls.substring(0, group));
            if (compiled == null) {
                continue;
            }
            int function = Integer.parseInt(e.getMethodName().substring("func_".length()));
            if (function >= compiled.importedFunctions() && ++total <= MAX_FRAMES) {
                frames.add(name(compiled.names(), function));
            }
        }
        return total;
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String name(NameCustomSection names, int function) {
        String fallback = "<wasm function " + function + ">";
        if (names == null) {
            return fallback;
        }
        String func = names.nameOfFunction(function);
        return names.moduleName().map(m -> m + "!").orElse("") + (func != null ? func : fallback);
    }
}
