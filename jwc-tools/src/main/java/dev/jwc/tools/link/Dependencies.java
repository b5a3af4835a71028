package dev.jwc.tools.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which libraries each library depends on, transitively: those it names as {@code needed} and the exporters of
 * its {@code env} imports. Gives the libraries that must be kept and the order to instantiate them in.
 */
final class Dependencies {
    private final List<Library> libraries;
    private final Map<String, Library> byName = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();

    Dependencies(List<Library> libraries, Symbols symbols) {
        this.libraries = libraries;
        for (Library l : libraries) {
            byName.put(l.name(), l);
            Set<String> direct = new LinkedHashSet<>(l.dylink().needed());
            l.envImports().forEach((name, i) -> direct.add(symbols.exporter(Symbols.function(name, i.type()))));
            dependencies.put(l.name(), direct);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Set<String> deps : dependencies.values()) {
                for (String dep : List.copyOf(deps)) {
                    changed |= deps.addAll(dependencies.get(dep));
                }
            }
        }
    }

    /** Libraries with world exports, dl-openable ones, one with {@code _start}, and all they depend on. */
    Set<String> reachable() {
        Set<String> roots = new LinkedHashSet<>();
        for (Library l : libraries) {
            if (l.hasComponentExports() || l.dlOpenable() || l.has(Library.START)) {
                roots.add(l.name());
            }
        }
        Set<String> reachable = new LinkedHashSet<>(roots);
        roots.forEach(r -> reachable.addAll(dependencies.get(r)));
        return reachable;
    }

    /**
     * Dependencies before their dependents, except across a cycle: there a library comes before the members of
     * its cycle, which then reach its functions through thunks.
     */
    List<Library> topologicalOrder() {
        Set<String> sorted = new LinkedHashSet<>();
        for (Library l : libraries) {
            add(sorted, l.name());
        }
        List<Library> order = new ArrayList<>();
        sorted.forEach(n -> order.add(byName.get(n)));
        return order;
    }

    private void add(Set<String> sorted, String name) {
        if (sorted.contains(name)) {
            return;
        }
        Set<String> deps = dependencies.get(name);
        for (String dep : deps) {
            if (!sorted.contains(dep) && !dependencies.get(dep).contains(name)) {
                add(sorted, dep);
            }
        }
        sorted.add(name);
        for (String dep : deps) {
            if (!sorted.contains(dep) && dependencies.get(dep).contains(name)) {
                add(sorted, dep);
            }
        }
    }
}
