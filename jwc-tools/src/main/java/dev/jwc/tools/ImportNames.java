package dev.jwc.tools;

import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WorldId;
import java.util.List;

/**
 * Which world import a core import module names. Besides the exact name, wit-component accepts a
 * semver-compatible version of an imported interface: an adapter built against {@code wasi:filesystem/preopens@0.2.6}
 * may import it from a world that has {@code @0.2.12}.
 */
final class ImportNames {
    private ImportNames() {}

    /** The name of the world import that {@code module} refers to, or {@code module} when none does. */
    static String worldName(Resolve resolve, WorldId world, String module) {
        List<String> names = resolve.get(world).imports().keySet().stream()
                .map(k -> ComponentNew.keyName(resolve, k)).toList();
        if (names.contains(module)) {
            return module;
        }
        List<String> compatible = names.stream().filter(n -> compatible(n, module)).toList();
        return compatible.size() == 1 ? compatible.getFirst() : module;
    }

    /** Whether {@code a} and {@code b} name one interface at versions that semver says are interchangeable. */
    static boolean compatible(String a, String b) {
        int at = a.lastIndexOf('@');
        if (at < 0 || at != b.lastIndexOf('@') || !a.substring(0, at).equals(b.substring(0, at))) {
            return false;
        }
        long[] x = version(a.substring(at + 1));
        long[] y = version(b.substring(at + 1));
        if (x == null || y == null) {
            return false;
        }
        if (x[0] != 0) {
            return x[0] == y[0];
        }
        return y[0] == 0 && x[1] != 0 && x[1] == y[1];
    }

    /** {@code major.minor.patch} without pre-release or build parts, or null. */
    private static long[] version(String v) {
        String[] parts = v.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        long[] out = new long[3];
        for (int i = 0; i < 3; i++) {
            if (!parts[i].matches("[0-9]{1,18}")) {
                return null;
            }
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }
}
