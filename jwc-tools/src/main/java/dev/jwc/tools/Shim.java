package dev.jwc.tools;

import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.ValType;
import dev.jwc.text.Wat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Functions the main module needs before they can exist: a lowering that uses the module's own memory or
 * {@code cabi_realloc}, a resource destructor the module itself exports. A shim module instantiated first
 * exports a stub per slot that calls through a table; once the main instance exists, a fixup module fills the
 * table with the real functions. The shim also defines the memory when the main module imports one, and
 * globals the main module reaches through functions ({@code env::__wasm_get_tls_base}).
 */
final class Shim {
    private record Slot(FuncType type, IntSupplier actual) {}

    private final List<Slot> slots = new ArrayList<>();
    /** Mutable globals (of {@code i32} or {@code i64}) the shim keeps, each with a getter and a setter. */
    private final List<ValType> globals = new ArrayList<>();
    private MemoryType memoryType;
    private int instance = -1;
    private Integer memory;

    /** Reserves a slot; {@code actual} gives the real core function once the main instance exists. */
    int add(FuncType type, IntSupplier actual) {
        slots.add(new Slot(type, actual));
        return slots.size() - 1;
    }

    /** A global of {@code type} in the shim (one per type), by number. */
    int global(ValType type) {
        int n = globals.indexOf(type);
        if (n < 0) {
            globals.add(type);
            n = globals.size() - 1;
        }
        return n;
    }

    /** The getter ({@code get}) or setter of global {@code n}, aliased from the shim instance. */
    int globalAccessor(ComponentBuilder out, int n, boolean get) {
        return out.coreExport(instance, (get ? "$get-" : "$set-") + n, CoreSort.FUNC);
    }

    /** The shim defines (and exports as {@code $memory}) a memory of this type. */
    void defineMemory(MemoryType type) {
        memoryType = type;
    }

    boolean definesMemory() {
        return memoryType != null;
    }

    void instantiate(ComponentBuilder out) {
        if (slots.isEmpty() && memoryType == null && globals.isEmpty()) {
            return;
        }
        int module = out.module(Wat.parseCoreModule(shimText()));
        instance = out.coreInstance(new CoreInstance.Instantiate(module, List.of()));
    }

    /** The stub of {@code slot}, aliased from the shim instance. */
    int func(ComponentBuilder out, int slot) {
        return out.coreExport(instance, Integer.toString(slot), CoreSort.FUNC);
    }

    /** The memory the shim defines, aliased once. */
    int memory(ComponentBuilder out) {
        if (memory == null) {
            memory = out.coreExport(instance, "$memory", CoreSort.MEMORY);
        }
        return memory;
    }

    /** Fills the table with each slot's real function. */
    void fixup(ComponentBuilder out) {
        if (slots.isEmpty()) {
            return;
        }
        List<CoreInstance.Export> fixups = new ArrayList<>();
        for (int n = 0; n < slots.size(); n++) {
            fixups.add(new CoreInstance.Export(Integer.toString(n), CoreSort.FUNC, slots.get(n).actual().getAsInt()));
        }
        int table = out.coreExport(instance, "$imports", CoreSort.TABLE);
        fixups.add(new CoreInstance.Export("$imports", CoreSort.TABLE, table));
        int fixup = out.module(Wat.parseCoreModule(fixupText()));
        int args = out.coreInstance(new CoreInstance.FromExports(fixups));
        out.coreInstance(new CoreInstance.Instantiate(fixup, List.of(new CoreInstance.Arg("", args))));
    }

    private String shimText() {
        StringBuilder s = new StringBuilder("(module\n");
        for (int n = 0; n < slots.size(); n++) {
            FuncType t = slots.get(n).type();
            s.append("  (func (export \"").append(n).append("\") ").append(DummyModule.signature(t));
            for (int p = 0; p < t.params().size(); p++) {
                s.append(" local.get ").append(p);
            }
            s.append(" i32.const ").append(n).append(" call_indirect ").append(DummyModule.signature(t)).append(")\n");
        }
        s.append("  (table (export \"$imports\") ").append(slots.size()).append(' ').append(slots.size())
                .append(" funcref)\n");
        for (int n = 0; n < globals.size(); n++) {
            String t = ((NumType) globals.get(n)).name().toLowerCase(Locale.ROOT);
            s.append("  (global $g").append(n).append(" (mut ").append(t).append(") (").append(t).append(".const 0))\n")
                    .append("  (func (export \"$get-").append(n).append("\") (result ").append(t)
                    .append(") global.get $g").append(n).append(")\n")
                    .append("  (func (export \"$set-").append(n).append("\") (param ").append(t)
                    .append(") local.get 0 global.set $g").append(n).append(")\n");
        }
        Optional.ofNullable(memoryType).ifPresent(m -> s.append("  (memory (export \"$memory\") ")
                .append(memoryText(m)).append(")\n"));
        return s.append(")\n").toString();
    }

    private static String memoryText(MemoryType m) {
        StringBuilder s = new StringBuilder(m.memory64() ? "i64 " : "");
        s.append(m.limits().min());
        m.limits().max().ifPresent(max -> s.append(' ').append(max));
        if (m.shared()) {
            s.append(" shared");
        }
        m.pageSizeLog2().ifPresent(log2 -> s.append(" (pagesize ").append(1L << log2).append(')'));
        return s.toString();
    }

    private String fixupText() {
        StringBuilder s = new StringBuilder("(module\n");
        for (int n = 0; n < slots.size(); n++) {
            s.append("  (import \"\" \"").append(n).append("\" (func ")
                    .append(DummyModule.signature(slots.get(n).type())).append("))\n");
        }
        s.append("  (import \"\" \"$imports\" (table ").append(slots.size()).append(' ').append(slots.size())
                .append(" funcref))\n  (elem (i32.const 0) func");
        for (int n = 0; n < slots.size(); n++) {
            s.append(' ').append(n);
        }
        return s.append("))\n").toString();
    }
}
