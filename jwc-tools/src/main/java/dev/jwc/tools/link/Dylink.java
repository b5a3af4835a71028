package dev.jwc.tools.link;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CustomSection;
import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.tools.ToolsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dylink.0} custom section of a dynamic library (tool-conventions DynamicLinking.md): how much memory
 * and table it needs and how aligned, the libraries it needs, and the symbol flags of its exports and imports.
 */
record Dylink(MemInfo memInfo, List<String> needed, Map<String, Integer> exportFlags,
              Map<String, Integer> importFlags) {
    static final String SECTION = "dylink.0";
    /** A weak symbol: an import may stay unresolved (it is stubbed), an export may be overridden. */
    static final int BINDING_WEAK = 0x1;

    private static final int MEM_INFO = 1;
    private static final int NEEDED = 2;
    private static final int EXPORT_INFO = 3;
    private static final int IMPORT_INFO = 4;
    private static final int RUNTIME_PATH = 5;

    /** Sizes in bytes and table slots; alignments as powers of two. */
    record MemInfo(int memorySize, int memoryAlignment, int tableSize, int tableAlignment) {
        static final MemInfo NONE = new MemInfo(0, 1, 0, 1);
    }

    Dylink {
        needed = List.copyOf(needed);
        exportFlags = Map.copyOf(exportFlags);
        importFlags = Map.copyOf(importFlags);
    }

    /** The key of an import's flags. */
    static String importKey(String module, String name) {
        return module + "\0" + name;
    }

    /** The section of {@code module} (the empty one when it has none); {@code library} names it in errors. */
    static Dylink of(String library, CoreModule module) {
        for (CustomSection c : module.customSections()) {
            if (c instanceof CustomSection.Raw raw && raw.name().equals(SECTION)) {
                try {
                    return parse(library, new ByteReader(raw.data()));
                } catch (DecodeException e) {
                    throw new ToolsException("library `" + library + "`: malformed `dylink.0` section: "
                            + e.getMessage(), e);
                }
            }
        }
        return new Dylink(MemInfo.NONE, List.of(), Map.of(), Map.of());
    }

    private static Dylink parse(String library, ByteReader r) {
        MemInfo mem = MemInfo.NONE;
        List<String> needed = new ArrayList<>();
        Map<String, Integer> exports = new HashMap<>();
        Map<String, Integer> imports = new HashMap<>();
        while (!r.atEnd()) {
            int id = r.u8();
            ByteReader body = r.slice(r.count());
            switch (id) {
                case MEM_INFO -> mem = new MemInfo(body.u32(), body.u32(), body.u32(), body.u32());
                case NEEDED -> {
                    for (int n = body.count(); n > 0; n--) {
                        needed.add(body.name());
                    }
                }
                case EXPORT_INFO -> {
                    for (int n = body.count(); n > 0; n--) {
                        exports.put(body.name(), body.u32());
                    }
                }
                case IMPORT_INFO -> {
                    for (int n = body.count(); n > 0; n--) {
                        String module = body.name();
                        String field = body.name();
                        imports.put(importKey(module, field), body.u32());
                    }
                }
                case RUNTIME_PATH -> { }
                default -> throw new ToolsException("library `" + library + "`: unrecognized `dylink.0` subsection "
                        + id);
            }
        }
        return new Dylink(mem, needed, exports, imports);
    }
}
