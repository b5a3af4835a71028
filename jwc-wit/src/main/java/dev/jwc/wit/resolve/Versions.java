package dev.jwc.wit.resolve;

import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Version;
import java.math.BigInteger;
import java.util.Comparator;

/** Semver precedence of {@link Version}s and the order wit-parser sorts package names in. */
final class Versions {
    private Versions() {}

    static int compare(Version a, Version b) {
        int c = Long.compare(a.major(), b.major());
        if (c == 0) c = Long.compare(a.minor(), b.minor());
        if (c == 0) c = Long.compare(a.patch(), b.patch());
        if (c != 0) return c;
        if (a.pre().isEmpty() != b.pre().isEmpty()) {
            return a.pre().isEmpty() ? 1 : -1;
        }
        c = compareIdentifiers(a.pre(), b.pre());
        return c != 0 ? c : compareIdentifiers(a.build(), b.build());
    }

    private static int compareIdentifiers(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean nx = x[i].chars().allMatch(Character::isDigit);
            boolean ny = y[i].chars().allMatch(Character::isDigit);
            int c = nx && ny ? new BigInteger(x[i]).compareTo(new BigInteger(y[i]))
                    : nx ? -1 : ny ? 1 : x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    /** By namespace, then name, then version (no version first). */
    static final Comparator<PackageName> PACKAGE_ORDER = Comparator.comparing(PackageName::namespace)
            .thenComparing(PackageName::name)
            .thenComparing((p, q) -> p.version().isEmpty() || q.version().isEmpty()
                    ? Boolean.compare(p.version().isPresent(), q.version().isPresent())
                    : compare(p.version().get(), q.version().get()));
}
