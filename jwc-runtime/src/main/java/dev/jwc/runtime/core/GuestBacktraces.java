package dev.jwc.runtime.core;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Guest backtraces for compiled modules. Each module an engine compiles gets its own generated class name,
 * so the JVM frames of a trap's stack ({@code <class>FuncGroup_k.func_N}) tell which module and which wasm
 * function (index N) every guest frame belongs to, even when a call crossed from one core instance into
 * another; the name section, when the binary has one, names them. The compiler's trampolines for
 * imported functions (indices below the module's imported-function count) are no guest frames and are left
 * out. Interpreted modules leave no guest frames on the JVM stack, so their traps have no backtrace.
 */
final class GuestBacktraces {
    /** At most this many frames are kept: a stack exhaustion would otherwise keep thousands. */
    static final int MAX_FRAMES = 100;
    private static final String PACKAGE = "com.dylibso.chicory.$gen.";
    private static final AtomicLong NEXT = new AtomicLong();
    private final Map<String, Compiled> modules = new ConcurrentHashMap<>();

    private record Compiled(WasmModule module, int importedFunctions) {
    }

    /** A fresh generated class name for {@code module}, remembered so its frames can be named. */
    String className(WasmModule module) {
        String name = PACKAGE + "Jwc" + NEXT.incrementAndGet() + "Machine";
        int imported = 0;
        for (int i = 0; i < module.importSection().importCount(); i++) {
            if (module.importSection().getImport(i).importType() == ExternalType.FUNCTION) {
                imported++;
            }
        }
        modules.put(name, new Compiled(module, imported));
        return name;
    }

    /** The guest frames of {@code failure}'s stack, innermost first, as {@code module!function}. */
    List<String> of(Throwable failure) {
        List<String> frames = new ArrayList<>();
        int total = 0;
        for (StackTraceElement e : failure.getStackTrace()) {
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
                frames.add(name(compiled.module(), function));
            }
        }
        if (total > MAX_FRAMES) {
            frames.add("... " + (total - MAX_FRAMES) + " more frames");
        }
        return List.copyOf(frames);
    }

    private static String name(WasmModule module, int function) {
        NameCustomSection names = module.nameSection();
        String fallback = "<wasm function " + function + ">";
        if (names == null) {
            return fallback;
        }
        String func = names.nameOfFunction(function);
        return names.moduleName().map(m -> m + "!").orElse("") + (func != null ? func : fallback);
    }
}
