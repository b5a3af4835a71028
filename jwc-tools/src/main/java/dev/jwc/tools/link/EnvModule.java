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

    /** The module, the dl-open lookup table, the first thunk slot and the TLS layout, if any. */
    record Built(CoreModule module, DlOpenables dlOpenables, int thunkBase, Optional<Tls> tls) {}

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
        List<String> tlsLibraries = libraries.stream().filter(Library::usesTls).map(Library::name).toList();
        Optional<Tls> tls = Optional.empty();
        if (!tlsLibraries.isEmpty() || libraries.stream().anyMatch(l -> l.imports(Library.GOT_MEM, Tls.PROGRAM_INFO))) {
            tls = Optional.of(Tls.at(memoryOffset, tlsLibraries));
            memoryOffset = tls.get().end();
        }
        StringBuilder functions = new StringBuilder();
        threadFunctions(libraries, tls, imports, exports, functions);
        List<Global> globals = new ArrayList<>();
        globals.add(new Global("__stack_pointer", true, stackSize));
        globals.add(new Global("__init_stack_pointer", false, stackSize));
        if (libraries.stream().anyMatch(Library::asyncified)) {
            globals.add(new Global("__asyncify_state", true, 0));
            globals.add(new Global("__asyncify_data", true, 0));
        }
        tls.ifPresent(t -> globals.add(new Global(Tls.PROGRAM_INFO, true, t.programInfo())));
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
        wat.append(functions);
        exports.append(export("__indirect_function_table", "table", "$table"));
        exports.append(export("memory", "memory", "$memory"));
        wat.append(exports).append(")\n");
        return new Built(Wat.parseCoreModule(wat.toString()), dl, tableOffset, tls);
    }

    /**
     * The stack pointer accessors (context slot 0) and each TLS library's {@code lib:__wasm_get_tls_base} and
     * {@code lib:__wasm_set_tls_base}, over the table of TLS bases at context slot 1 when the program uses
     * threads, else (or while that slot is 0) the static one.
     */
    private static void threadFunctions(List<Library> libraries, Optional<Tls> layout, StringBuilder imports,
                                        StringBuilder exports, StringBuilder functions) {
        boolean stack = libraries.stream().anyMatch(l -> l.threadImports().contains(Tls.GET_STACK_POINTER)
                || l.threadImports().contains(Tls.SET_STACK_POINTER));
        if (stack) {
            imports.append("  (import \"$root\" \"").append(Tls.CONTEXT_GET_0).append("\" (func $sp_get (result i32)))\n");
            imports.append("  (import \"$root\" \"").append(Tls.CONTEXT_SET_0).append("\" (func $sp_set (param i32)))\n");
            exports.append(export(Tls.GET_STACK_POINTER, "func", "$sp_get"));
            exports.append(export(Tls.SET_STACK_POINTER, "func", "$sp_set"));
        }
        if (layout.isEmpty() || layout.get().libraries().isEmpty()) {
            return;
        }
        Tls tls = layout.get();
        boolean threads = libraries.stream().anyMatch(l -> l.imports("$root", Tls.CONTEXT_GET_1));
        functions.append("  (func $tls_table (result i32)");
        if (threads) {
            imports.append("  (import \"$root\" \"").append(Tls.CONTEXT_GET_1).append("\" (func $ctx1 (result i32)))\n");
            functions.append(" (local $t i32) (local.set $t (call $ctx1))")
                    .append(" (if (i32.eqz (local.get $t)) (then (local.set $t (i32.const ")
                    .append(tls.staticTable()).append(")))) (local.get $t))\n");
        } else {
            functions.append(" (i32.const ").append(tls.staticTable()).append("))\n");
        }
        for (int k = 0; k < tls.libraries().size(); k++) {
            String lib = tls.libraries().get(k);
            functions.append("  (func $tls_get").append(k).append(" (result i32) (i32.load offset=").append(4 * k)
                    .append(" (call $tls_table)))\n");
            functions.append("  (func $tls_set").append(k).append(" (param i32) (i32.store offset=").append(4 * k)
                    .append(" (call $tls_table) (local.get 0)))\n");
            exports.append(export(lib + ":" + Tls.GET_TLS_BASE, "func", "$tls_get" + k));
            exports.append(export(lib + ":" + Tls.SET_TLS_BASE, "func", "$tls_set" + k));
        }
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
