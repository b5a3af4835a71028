package dev.jwc.tools.link;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.text.Wat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The synthesised main module ({@code env} of every library): it defines the one memory and the one function
 * table, the stack pointer, each library's {@code lib:memory_base}/{@code lib:table_base} and {@code GOT}
 * globals, the heap bounds; it re-exports what libraries import from adapters (as {@code module:name}), the
 * {@code cabi_realloc} of the library that has one and a library's {@code _start}; and it exports a
 * {@code call_indirect} thunk for each function a library imports before its exporter exists (a dependency
 * cycle) or takes the address of ({@code GOT.func}), whose table slot the init module fills.
 *
 * <p>Memory: the stack (growing down from {@code stackSize}), the dl-open lookup table, each library's data at
 * its alignment, then the heap (16-aligned) up to the next page. Table: slot 0 is the null function, then the
 * dl-openable functions, each library's slots, then the thunks' slots.
 */
final class EnvModule {
    static final int PAGE = 65536;
    private static final int HEAP_ALIGNMENT = 16;

    /** A function the main module exports as a thunk into table slot {@code slot}. */
    record Thunk(String name, FuncType type, String exporter) {}

    /** The module, the dl-open lookup table and the first thunk slot. */
    record Built(CoreModule module, DlOpenables dlOpenables, int thunkBase) {}

    private record Global(String name, boolean mutable, int value) {}

    private EnvModule() {}

    static Built build(List<Library> libraries, List<Thunk> thunks, Optional<String> reallocExporter, int stackSize) {
        StringBuilder imports = new StringBuilder();
        StringBuilder exports = new StringBuilder();
        Set<Library.AdapterImport> adapterImports = new LinkedHashSet<>();
        libraries.forEach(l -> adapterImports.addAll(l.adapterImports()));
        int count = 0;
        for (Library.AdapterImport i : adapterImports) {
            String id = "$a" + count++;
            imports.append("  (import ").append(WatText.string(i.module())).append(' ').append(WatText.string(i.name()));
            switch (i.kind()) {
                case Symbol.Function f -> {
                    imports.append(" (func ").append(id).append(WatText.signature(f.type())).append("))\n");
                    exports.append(export(i.module() + ":" + i.name(), "func", id));
                }
                case Symbol.Global g -> {
                    imports.append(" (global ").append(id).append(' ').append(WatText.global(g.type(), g.mutable()))
                            .append("))\n");
                    exports.append(export(i.module() + ":" + i.name(), "global", id));
                }
                case Symbol.Tag t -> throw new IllegalStateException("tags are not imported from adapters");
            }
        }
        String starter = null;
        for (Library l : libraries) {
            if (l.has(Library.START)) {
                if (starter != null) {
                    throw new dev.jwc.tools.ToolsException("libraries `" + starter + "` and `" + l.name()
                            + "` both export `_start`");
                }
                starter = l.name();
                imports.append("  (import ").append(WatText.string(l.name())).append(" \"_start\" (func $start))\n");
                exports.append(export(Library.START, "func", "$start"));
            }
        }
        reallocExporter.ifPresent(lib -> {
            imports.append("  (import ").append(WatText.string(lib)).append(" \"cabi_realloc\" (func $realloc")
                    .append(WatText.signature(Symbol.REALLOC)).append("))\n");
            exports.append(export("cabi_realloc", "func", "$realloc"));
        });

        int memoryOffset = stackSize;
        int tableOffset = 1;
        DlOpenables dl = new DlOpenables(tableOffset, memoryOffset, libraries);
        tableOffset += dl.functions.size();
        memoryOffset += dl.size();
        List<Global> globals = new ArrayList<>();
        globals.add(new Global("__stack_pointer", true, stackSize));
        globals.add(new Global("__init_stack_pointer", false, stackSize));
        if (libraries.stream().anyMatch(Library::asyncified)) {
            globals.add(new Global("__asyncify_state", true, 0));
            globals.add(new Global("__asyncify_data", true, 0));
        }
        globals.add(new Global("__stack_high", true, stackSize));
        globals.add(new Global("__stack_low", true, 0));
        for (Library l : libraries) {
            Dylink.MemInfo mem = l.dylink().memInfo();
            memoryOffset = align(memoryOffset, 1 << mem.memoryAlignment());
            tableOffset = align(tableOffset, 1 << mem.tableAlignment());
            globals.add(new Global(l.name() + ":memory_base", false, memoryOffset));
            globals.add(new Global(l.name() + ":table_base", false, tableOffset));
            memoryOffset += mem.memorySize();
            tableOffset += mem.tableSize();
            // The init module computes these once the exporters exist.
            l.memoryAddressImports().forEach(name -> globals.add(new Global(l.name() + ":" + name, true, 0)));
        }
        Map<String, Integer> thunkSlots = new java.util.HashMap<>();
        for (int n = 0; n < thunks.size(); n++) {
            thunkSlots.put(thunks.get(n).name(), tableOffset + n);
        }
        for (Library l : libraries) {
            for (String name : l.tableAddressImports()) {
                boolean weakStub = thunks.stream().anyMatch(t -> t.name().equals(name)
                        && t.exporter().equals(Stubs.NAME))
                        && l.envImports().containsKey(name) && l.envImports().get(name).weak();
                globals.add(new Global(l.name() + ":" + name, true, weakStub ? 0 : thunkSlots.get(name)));
            }
        }
        memoryOffset = align(memoryOffset, HEAP_ALIGNMENT);
        globals.add(new Global("__heap_base", true, memoryOffset));
        int heapEnd = align(memoryOffset, PAGE);
        globals.add(new Global("__heap_end", true, heapEnd));

        StringBuilder wat = new StringBuilder("(module\n");
        Map<FuncType, String> thunkTypes = new LinkedHashMap<>();
        for (FuncType type : thunkTypes(thunks)) {
            String id = "$type" + thunkTypes.size();
            thunkTypes.put(type, id);
            wat.append("  (type ").append(id).append(" (func").append(WatText.signature(type)).append("))\n");
        }
        wat.append(imports);
        wat.append("  (table $table ").append(tableOffset + thunks.size()).append(" funcref)\n");
        wat.append("  (memory $memory ").append(heapEnd / PAGE).append(")\n");
        for (int n = 0; n < globals.size(); n++) {
            Global g = globals.get(n);
            wat.append("  (global $g").append(n).append(' ').append(g.mutable() ? "(mut i32)" : "i32")
                    .append(" (i32.const ").append(g.value()).append("))\n");
            exports.append(export(g.name(), "global", "$g" + n));
        }
        for (int n = 0; n < thunks.size(); n++) {
            Thunk t = thunks.get(n);
            String type = thunkTypes.get(t.type());
            wat.append("  (func $t").append(n).append(" (type ").append(type).append(')');
            for (int p = 0; p < t.type().params().size(); p++) {
                wat.append(" local.get ").append(p);
            }
            wat.append(" i32.const ").append(tableOffset + n).append(" call_indirect $table (type ").append(type)
                    .append("))\n");
            exports.append(export(t.name(), "func", "$t" + n));
        }
        exports.append(export("__indirect_function_table", "table", "$table"));
        exports.append(export("memory", "memory", "$memory"));
        wat.append(exports).append(")\n");
        return new Built(Wat.parseCoreModule(wat.toString()), dl, tableOffset);
    }

    /** The distinct types of the thunks, in order: the first types of both the main and the init module. */
    static List<FuncType> thunkTypes(List<Thunk> thunks) {
        return thunks.stream().map(Thunk::type).distinct().toList();
    }

    private static String export(String name, String sort, String id) {
        return "  (export " + WatText.string(name) + " (" + sort + " " + id + "))\n";
    }

    static int align(int value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
