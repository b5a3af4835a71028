package dev.jwc.wit.model;

import java.util.regex.Pattern;

/**
 * A semantic version ({@code major.minor.patch[-pre][+build]}) as used in package names and gates.
 * Equality is textual on every part, build metadata included, like Rust's {@code semver::Version}.
 *
 * @param pre   the pre-release identifiers after {@code -}, or {@code ""} when absent
 * @param build the build metadata after {@code +}, or {@code ""} when absent
 */
public record Version(long major, long minor, long patch, String pre, String build) {
    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String IDENTS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    private static final Pattern SEMVER = Pattern.compile(
            NUMBER + "\\." + NUMBER + "\\." + NUMBER + "(?:-(" + IDENTS + "))?(?:\\+(" + IDENTS + "))?");
    private static final Pattern NUMERIC_WITH_LEADING_ZERO = Pattern.compile("0[0-9]+");

    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version component");
        }
        pre = pre == null ? "" : pre;
        build = build == null ? "" : build;
    }

    public Version(long major, long minor, long patch) {
        this(major, minor, patch, "", "");
    }

    /**
     * Parses a semantic version.
     *
     * @throws IllegalArgumentException with a message naming the problem when {@code text} is not semver
     */
    public static Version parse(String text) {
        var m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("`" + text + "` is not a valid semantic version");
        }
        String pre = m.group(4) == null ? "" : m.group(4);
        for (String ident : pre.split("\\.")) {
            if (NUMERIC_WITH_LEADING_ZERO.matcher(ident).matches()) {
                throw new IllegalArgumentException(
                        "`" + text + "`: numeric pre-release identifier `" + ident + "` has a leading zero");
            }
        }
        try {
            return new Version(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    pre, m.group(5));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("`" + text + "`: version number too large", e);
        }
    }

    @Override
    public String toString() {
        var s = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!pre.isEmpty()) {
            s.append('-').append(pre);
        }
        if (!build.isEmpty()) {
            s.append('+').append(build);
        }
        return s.toString();
    }
}
