package dev.jwc.text.print;

import dev.jwc.binary.core.Names;
import dev.jwc.binary.core.types.SubType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The core index spaces of a module (or the core spaces of a component) as printing proceeds: how many
 * items of each kind are defined so far, the types seen (null for those without a known structure) and
 * the names of each space.
 */
final class CoreSpace {
    final List<SubType> types = new ArrayList<>();
    int funcs;
    int tables;
    int memories;
    int globals;
    int tags;
    int modules;
    int instances;

    NameMap funcNames = NameMap.EMPTY;
    NameMap typeNames = NameMap.EMPTY;
    NameMap tableNames = NameMap.EMPTY;
    NameMap memoryNames = NameMap.EMPTY;
    NameMap globalNames = NameMap.EMPTY;
    NameMap tagNames = NameMap.EMPTY;
    NameMap elemNames = NameMap.EMPTY;
    NameMap dataNames = NameMap.EMPTY;
    NameMap moduleNames = NameMap.EMPTY;
    NameMap instanceNames = NameMap.EMPTY;
    private final Map<Long, Naming> localNames = new HashMap<>();
    private final Map<Long, Naming> labelNames = new HashMap<>();
    private final Map<Long, Naming> fieldNames = new HashMap<>();

    /** Takes the names of a module's name section. */
    void register(Names names) {
        funcNames = NameMap.of(names.functions(), "func");
        typeNames = NameMap.of(names.types(), "type");
        tableNames = NameMap.of(names.tables(), "table");
        memoryNames = NameMap.of(names.memories(), "memory");
        globalNames = NameMap.of(names.globals(), "global");
        tagNames = NameMap.of(names.tags(), "tag");
        elemNames = NameMap.of(names.elements(), "elem");
        dataNames = NameMap.of(names.data(), "data");
        indirect(names.locals(), "local", localNames, true);
        indirect(names.labels(), "label", labelNames, false);
        indirect(names.fields(), "field", fieldNames, true);
    }

    private static void indirect(Map<Integer, Map<Integer, String>> names, String space, Map<Long, Naming> into,
            boolean unique) {
        names.forEach((outer, inner) -> {
            Set<String> used = unique ? new HashSet<>() : null;
            inner.forEach((index, name) -> into.put(key(outer, index), Naming.of(name, index, space, used)));
        });
    }

    Naming local(int func, int local) {
        return localNames.get(key(func, local));
    }

    Naming label(int func, int label) {
        return labelNames.get(key(func, label));
    }

    Naming field(int type, int field) {
        return fieldNames.get(key(type, field));
    }

    /** The type at {@code index}, or null when it is unknown or has no structure to show. */
    SubType type(int index) {
        return index >= 0 && index < types.size() ? types.get(index) : null;
    }

    private static long key(int outer, int inner) {
        return (long) outer << 32 | (inner & 0xffffffffL);
    }
}
