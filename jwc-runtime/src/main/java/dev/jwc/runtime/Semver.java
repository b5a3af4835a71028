package dev.jwc.runtime;

import dev.jwc.runtime.internal.Item;
import java.util.Map;
import java.util.Optional;

/** Import-name lookup with Wasmtime's semver compatibility for {@code name@version}. */
final class Semver {
    private Semver() {
    }

    static Optional<Item> lookup(Map<String, Item> defined, String name) {
        Item exact = defined.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        int at = name.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String base = name.substring(0, at);
        String key = compatKey(name.substring(at + 1));
        if (key == null) {
            return Optional.empty();
        }
        return defined.entrySet().stream()
                .filter(e -> e.getKey().startsWith(base + "@"))
                .filter(e -> key.equals(compatKey(e.getKey().substring(base.length() + 1))))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The part of a version that must match: major, or 0.minor, or 0.0.patch; null for prereleases. */
    private static String compatKey(String version) {
        String[] parts = version.split("\\.");
        if (parts.length != 3 || version.contains("-") || version.contains("+")) {
            return null;
        }
        if (!parts[0].equals("0")) {
            return parts[0];
        }
        if (!parts[1].equals("0")) {
            return "0." + parts[1];
        }
        return "0.0." + parts[2];
    }
}
