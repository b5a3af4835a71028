package dev.jwc.wit.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Immutable copies of maps that keep insertion order, which is declaration order in WIT. */
final class OrderedMaps {
    private OrderedMaps() {}

    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        var copy = new LinkedHashMap<K, V>(map.size() * 2);
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
        return Collections.unmodifiableMap(copy);
    }
}
