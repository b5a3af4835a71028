package dev.jwc.tools.link;

import dev.jwc.binary.core.types.FuncType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which library provides each imported symbol. Libraries are in priority order: when several export a symbol
 * the first wins. An import resolves only to an export of the same name and type; a {@code GOT.func} import
 * names a function by name alone.
 */
final class Symbols {
    /** An import nothing exports: who needs it, what it is, and whether it is weak. */
    record Missing(String importer, Symbol symbol, boolean weak) {}

    /** Exports every library re-exports from the main module even when no library imports them. */
    private static final List<String> ENV_REEXPORTS = List.of("__wasm_init_task", "__wasm_init_async_task");

    private final Map<Symbol, List<String>> exporters = new LinkedHashMap<>();
    private final Map<String, Symbol> functionsByName = new LinkedHashMap<>();
    private final Map<Symbol, String> resolved = new LinkedHashMap<>();
    private final List<Missing> missing = new ArrayList<>();

    Symbols(List<Library> libraries) {
        for (Library l : libraries) {
            for (Library.Exported e : l.exports()) {
                exporters.computeIfAbsent(e.symbol(), k -> new ArrayList<>()).add(l.name());
                if (e.symbol().kind() instanceof Symbol.Function) {
                    functionsByName.putIfAbsent(e.symbol().name(), e.symbol());
                }
            }
        }
        for (Library l : libraries) {
            l.envImports().forEach((name, i) -> triage(l, new Symbol(name, new Symbol.Function(i.type())), i.weak()));
            l.memoryAddressImports().forEach(name -> triage(l, new Symbol(name, Symbol.ADDRESS), false));
            l.tagImports().forEach((name, type) -> triage(l, new Symbol(name, new Symbol.Tag(type)), false));
        }
        for (Library l : libraries) {
            for (String name : l.tableAddressImports()) {
                Symbol function = functionsByName.get(name);
                if (function != null) {
                    resolved.put(function, exporters.get(function).getFirst());
                } else if (!l.envImports().containsKey(name)) {
                    missing.add(new Missing(l.name(), new Symbol(name, new Symbol.Function(FuncType.EMPTY)), false));
                }
            }
        }
        for (String name : ENV_REEXPORTS) {
            Symbol s = new Symbol(name, new Symbol.Function(FuncType.EMPTY));
            if (exporters.containsKey(s)) {
                resolved.put(s, exporters.get(s).getFirst());
            }
        }
    }

    private void triage(Library importer, Symbol symbol, boolean weak) {
        List<String> found = exporters.get(symbol);
        if (found == null) {
            missing.add(new Missing(importer.name(), symbol, weak));
        } else {
            resolved.put(symbol, found.getFirst());
        }
    }

    List<Missing> missing() {
        return missing;
    }

    /** The library a resolved import comes from. */
    String exporter(Symbol symbol) {
        String e = resolved.get(symbol);
        if (e == null) {
            throw new IllegalStateException("unresolved symbol " + symbol);
        }
        return e;
    }

    /** The first library that exports a function of this name, with its type. */
    Optional<Symbol> function(String name) {
        return Optional.ofNullable(functionsByName.get(name));
    }

    /** The first exporter of {@code symbol}, resolved or not. */
    Optional<String> firstExporter(Symbol symbol) {
        return Optional.ofNullable(exporters.get(symbol)).map(List::getFirst);
    }

    static Symbol function(String name, FuncType type) {
        return new Symbol(name, new Symbol.Function(type));
    }
}
