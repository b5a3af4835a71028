package dev.jwc.text.print;

import dev.jwc.binary.component.ComponentNames;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.Sort;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One component or module scope while printing: its own name, its core index spaces and, for components
 * and component/instance types, the component-level index spaces.
 */
final class Scope {
    final CoreSpace core = new CoreSpace();
    Naming name;
    int types;
    int funcs;
    int instances;
    int components;
    int values;

    NameMap typeNames = NameMap.EMPTY;
    NameMap funcNames = NameMap.EMPTY;
    NameMap instanceNames = NameMap.EMPTY;
    NameMap componentNames = NameMap.EMPTY;
    NameMap valueNames = NameMap.EMPTY;

    /** Takes the names of a {@code component-name} section. */
    void register(ComponentNames names) {
        names.component().ifPresent(n -> name = Naming.of(n, 0, "component", null));
        for (ComponentNames.SortNames s : names.sorts()) {
            Map<Integer, String> map = new LinkedHashMap<>();
            s.names().forEach(n -> map.put(n.index(), n.name()));
            Sort sort = s.sort();
            switch (sort) {
                case CoreSort c -> {
                    NameMap m = NameMap.of(map, "core-" + c.keyword());
                    switch (c) {
                        case FUNC -> core.funcNames = m;
                        case TABLE -> core.tableNames = m;
                        case MEMORY -> core.memoryNames = m;
                        case GLOBAL -> core.globalNames = m;
                        case TAG -> core.tagNames = m;
                        case TYPE -> core.typeNames = m;
                        case MODULE -> core.moduleNames = m;
                        case INSTANCE -> core.instanceNames = m;
                    }
                }
                case ComponentSort c -> {
                    NameMap m = NameMap.of(map, c.keyword());
                    switch (c) {
                        case FUNC -> funcNames = m;
                        case VALUE -> valueNames = m;
                        case TYPE -> typeNames = m;
                        case COMPONENT -> componentNames = m;
                        case INSTANCE -> instanceNames = m;
                    }
                }
            }
        }
    }
}
