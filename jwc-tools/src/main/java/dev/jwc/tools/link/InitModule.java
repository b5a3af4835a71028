package dev.jwc.tools.link;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.text.Wat;
import dev.jwc.tools.ToolsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module instantiated last, once every import works: its start function points each library's
 * {@code GOT.mem} globals at the data they name (exporter's memory base plus offset), writes the addresses of
 * globals into the dl-open lookup table, applies every library's data relocations, then runs each library's
 * constructors ({@code __wasm_call_ctors} or {@code _initialize}, after {@code __wasm_init_task}) and hands
 * {@code __wasm_set_libraries} the lookup table. Its element segments fill the table slots of dl-openable
 * functions and of the main module's thunks; its data segment is the lookup table.
 */
final class InitModule {
    private final StringBuilder imports = new StringBuilder();
    private final StringBuilder functionImports = new StringBuilder();
    private final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, String> functions = new LinkedHashMap<>();

    private InitModule() {}

    static CoreModule build(List<Library> libraries, Symbols symbols, List<EnvModule.Thunk> thunks, DlOpenables dl,
                            int thunkBase, Optional<Tls> tls) {
        return new InitModule().module(libraries, symbols, thunks, dl, thunkBase, tls);
    }

    private CoreModule module(List<Library> libraries, Symbols symbols, List<EnvModule.Thunk> thunks,
                              DlOpenables dl, int thunkBase, Optional<Tls> tls) {
        imports.append("  (import \"env\" \"memory\" (memory 0))\n");
        imports.append("  (import \"env\" \"__indirect_function_table\" (table $table 0 funcref))\n");
        StringBuilder addresses = new StringBuilder();
        StringBuilder relocs = new StringBuilder();
        StringBuilder ctors = new StringBuilder();
        for (DlOpenables.GlobalAddress g : dl.globals) {
            addresses.append("    i32.const ").append(g.address())
                    .append(" global.get ").append(global(Library.ENV, g.library() + ":memory_base", false))
                    .append(" global.get ").append(global(g.library(), g.export(), false))
                    .append(" i32.add i32.store\n");
        }
        for (Library l : libraries) {
            if (l.has(Library.DATA_RELOCS)) {
                relocs.append("    call ").append(function(l.name(), Library.DATA_RELOCS, FuncType.EMPTY)).append('\n');
            }
            boolean ctorsExport = l.has(Library.CTORS);
            boolean initialize = l.has(Library.INITIALIZE);
            if (ctorsExport && initialize) {
                throw new ToolsException("library " + l.name() + " exports both `__wasm_call_ctors` and "
                        + "`_initialize`; expected at most one of the two");
            }
            if ((ctorsExport || initialize) && l.has(Library.INIT_TASK)) {
                ctors.append("    call ").append(function(l.name(), Library.INIT_TASK, FuncType.EMPTY)).append('\n');
            }
            if (ctorsExport) {
                ctors.append("    call ").append(function(l.name(), Library.CTORS, FuncType.EMPTY)).append('\n');
            }
            if (initialize) {
                ctors.append("    call ").append(function(l.name(), Library.INITIALIZE, FuncType.EMPTY)).append('\n');
            }
            if (l.has(Library.SET_LIBRARIES)) {
                ctors.append("    i32.const ").append(dl.librariesAddress).append(" call ")
                        .append(function(l.name(), Library.SET_LIBRARIES,
                                new FuncType(List.of(dev.jwc.binary.core.types.NumType.I32), List.of())))
                        .append('\n');
            }
            for (String name : l.memoryAddressImports()) {
                String exporter = symbols.exporter(new Symbol(name, Symbol.ADDRESS));
                addresses.append("    global.get ").append(global(Library.ENV, exporter + ":memory_base", false))
                        .append(" global.get ").append(global(exporter, name, false))
                        .append(" i32.add global.set ").append(global(Library.ENV, l.name() + ":" + name, true))
                        .append('\n');
            }
        }
        tls.ifPresent(t -> tlsInfos(libraries, t, addresses));
        List<String> dlFunctions = new ArrayList<>();
        for (DlOpenables.Function f : dl.functions) {
            dlFunctions.add(function(f.library(), f.symbol().name(), ((Symbol.Function) f.symbol().kind()).type()));
        }
        List<String> indirect = new ArrayList<>();
        for (EnvModule.Thunk t : thunks) {
            indirect.add(function(t.exporter(), t.name(), t.type()));
        }
        // The init module declares the thunk types first, at the indices the main module has them, so the
        // main module's thunks reach the functions it puts in their slots without jwc-runtime's trampolines
        // (the work-around for Chicory 1.7.5 checking call_indirect type indices in the filler's type section).
        StringBuilder wat = new StringBuilder("(module\n");
        for (FuncType type : EnvModule.thunkTypes(thunks)) {
            wat.append("  (type (func").append(WatText.signature(type)).append("))\n");
        }
        wat.append(functionImports).append(imports);
        wat.append("  (func $init\n").append(addresses).append(relocs).append(ctors).append("  )\n");
        wat.append("  (start $init)\n");
        wat.append("  (elem (i32.const ").append(dl.tableBase).append(") func")
                .append(String.join("", dlFunctions.stream().map(f -> " " + f).toList())).append(")\n");
        wat.append("  (elem (i32.const ").append(thunkBase).append(") func")
                .append(String.join("", indirect.stream().map(f -> " " + f).toList())).append(")\n");
        wat.append("  (data (i32.const ").append(dl.memoryBase).append(") ").append(WatText.bytes(dl.bytes()))
                .append(")\n");
        tls.ifPresent(t -> wat.append("  (data (i32.const ").append(t.programInfo()).append(") ")
                .append(WatText.bytes(t.programInfoBytes())).append(")\n"));
        return Wat.parseCoreModule(wat.append(")\n").toString());
    }

    /** Each TLS library's info address (its memory base plus its {@code __wasm_library_tls_info}), or 0. */
    private void tlsInfos(List<Library> libraries, Tls tls, StringBuilder code) {
        for (int k = 0; k < tls.libraries().size(); k++) {
            String name = tls.libraries().get(k);
            Library l = libraries.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            code.append("    i32.const ").append(tls.infos() + 4 * k);
            if (l.exports().stream().anyMatch(e -> e.symbol().equals(new Symbol(Tls.LIBRARY_INFO, Symbol.ADDRESS)))) {
                code.append(" global.get ").append(global(Library.ENV, name + ":memory_base", false))
                        .append(" global.get ").append(global(name, Tls.LIBRARY_INFO, false)).append(" i32.add");
            } else {
                code.append(" i32.const 0");
            }
            code.append(" i32.store\n");
        }
    }

    private String global(String module, String name, boolean mutable) {
        return globals.computeIfAbsent(module + "\0" + name, k -> {
            String id = "$g" + globals.size();
            imports.append("  (import ").append(WatText.string(module)).append(' ').append(WatText.string(name))
                    .append(" (global ").append(id).append(mutable ? " (mut i32)" : " i32").append("))\n");
            return id;
        });
    }

    private String function(String module, String name, FuncType type) {
        return functions.computeIfAbsent(module + "\0" + name, k -> {
            String id = "$f" + functions.size();
            functionImports.append("  (import ").append(WatText.string(module)).append(' ').append(WatText.string(name))
                    .append(" (func ").append(id).append(WatText.signature(type)).append("))\n");
            return id;
        });
    }
}
