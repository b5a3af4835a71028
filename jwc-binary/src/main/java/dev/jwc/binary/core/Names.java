package dev.jwc.binary.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The debug names of a module (the {@code name} custom section and its extended subsections). Maps go
 * from index to name, and for locals, labels and fields from function/type index to such a map; they
 * keep the order of the binary.
 */
public record Names(
        Optional<String> module,
        Map<Integer, String> functions,
        Map<Integer, Map<Integer, String>> locals,
        Map<Integer, Map<Integer, String>> labels,
        Map<Integer, String> types,
        Map<Integer, String> tables,
        Map<Integer, String> memories,
        Map<Integer, String> globals,
        Map<Integer, String> elements,
        Map<Integer, String> data,
        Map<Integer, Map<Integer, String>> fields,
        Map<Integer, String> tags) {

    public static final Names EMPTY = new Names(Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public Names {
        functions = ordered(functions);
        locals = orderedIndirect(locals);
        labels = orderedIndirect(labels);
        types = ordered(types);
        tables = ordered(tables);
        memories = ordered(memories);
        globals = ordered(globals);
        elements = ordered(elements);
        data = ordered(data);
        fields = orderedIndirect(fields);
        tags = ordered(tags);
    }

    public Optional<String> function(int index) {
        return Optional.ofNullable(functions.get(index));
    }

    public Optional<String> local(int function, int local) {
        return Optional.ofNullable(locals.getOrDefault(function, Map.of()).get(local));
    }

    private static <V> Map<Integer, V> ordered(Map<Integer, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Map<Integer, Map<Integer, String>> orderedIndirect(Map<Integer, Map<Integer, String>> map) {
        LinkedHashMap<Integer, Map<Integer, String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, ordered(v)));
        return Collections.unmodifiableMap(copy);
    }
}
