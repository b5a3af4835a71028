package dev.jwc.wit.syntax;

import java.math.BigInteger;
import java.util.List;

/** A Semantic Versioning 2.0 version; {@link #toString()} gives it back as written. */
public record SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> pre, List<String> build)
        implements Comparable<SemVer> {

    public SemVer {
        pre = List.copyOf(pre);
        build = List.copyOf(build);
    }

    /** Parses {@code text}; the message of the {@link IllegalArgumentException} says what is wrong. */
    public static SemVer parse(String text) {
        int plus = text.indexOf('+');
        String build = plus < 0 ? null : text.substring(plus + 1);
        String rest = plus < 0 ? text : text.substring(0, plus);
        int minus = rest.indexOf('-');
        String pre = minus < 0 ? null : rest.substring(minus + 1);
        String core = minus < 0 ? rest : rest.substring(0, minus);
        String[] numbers = core.split("\\.", -1);
        if (numbers.length != 3) {
            throw new IllegalArgumentException("unexpected end of input while parsing version number");
        }
        String[] names = {"major", "minor", "patch"};
        BigInteger[] values = new BigInteger[3];
        for (int i = 0; i < 3; i++) {
            values[i] = number(numbers[i], names[i]);
        }
        return new SemVer(values[0], values[1], values[2],
                pre == null ? List.of() : identifiers(pre, "pre-release", true),
                build == null ? List.of() : identifiers(build, "build metadata", false));
    }

    private static BigInteger number(String digits, String what) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("unexpected character while parsing " + what + " version number");
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new IllegalArgumentException("invalid leading zero in " + what + " version number");
        }
        return new BigInteger(digits);
    }

    private static List<String> identifiers(String text, String what, boolean numericLeadingZeroForbidden) {
        String[] parts = text.split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty identifier segment in " + what);
            }
            if (!part.chars().allMatch(c -> c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("unexpected character in " + what);
            }
            if (numericLeadingZeroForbidden && isNumeric(part) && part.length() > 1 && part.charAt(0) == '0') {
                throw new IllegalArgumentException("invalid leading zero in " + what + " identifier");
            }
        }
        return List.of(parts);
    }

    private static boolean isNumeric(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Semver precedence, with build metadata as a final tie-breaker so that the order is total. */
    @Override
    public int compareTo(SemVer o) {
        int c = major.compareTo(o.major);
        if (c == 0) c = minor.compareTo(o.minor);
        if (c == 0) c = patch.compareTo(o.patch);
        if (c != 0) return c;
        if (pre.isEmpty() != o.pre.isEmpty()) {
            return pre.isEmpty() ? 1 : -1;
        }
        c = compareIdentifiers(pre, o.pre);
        return c != 0 ? c : compareIdentifiers(build, o.build);
    }

    private static int compareIdentifiers(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean nx = isNumeric(x);
            boolean ny = isNumeric(y);
            int c = nx && ny ? new BigInteger(x).compareTo(new BigInteger(y))
                    : nx ? -1 : ny ? 1 : x.compareTo(y);
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + String.join(".", pre))
                + (build.isEmpty() ? "" : "+" + String.join(".", build));
    }
}
