package dev.jwc.binary.validate;

/** Checks semantic versions (semver.org 2.0), reporting faults in the words of Rust's semver crate. */
final class Semver {
    private final String text;
    private int pos;

    private Semver(String text) {
        this.text = text;
    }

    /** Returns the fault in {@code text}, or {@code null} when it is a valid version. */
    static String fault(String text) {
        try {
            new Semver(text).version();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void version() {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty string, expected a semver version");
        }
        number("major");
        expect('.', "major");
        number("minor");
        expect('.', "minor");
        number("patch");
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
            identifiers("pre-release identifier", true);
        }
        if (pos < text.length() && text.charAt(pos) == '+') {
            pos++;
            identifiers("build metadata", false);
        }
        if (pos < text.length()) {
            throw unexpected("after the version");
        }
    }

    private void number(String which) {
        String what = "while parsing " + which + " version number";
        if (pos >= text.length()) {
            throw new IllegalArgumentException("unexpected end of input " + what);
        }
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        if (pos == start) {
            throw unexpected(what);
        }
        if (text.charAt(start) == '0' && pos - start > 1) {
            throw new IllegalArgumentException("invalid leading zero in " + which + " version number");
        }
    }

    private void expect(char c, String after) {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("unexpected end of input while parsing " + after + " version number");
        }
        if (text.charAt(pos) != c) {
            throw unexpected("after " + after + " version number, expected '" + c + "'");
        }
        pos++;
    }

    private void identifiers(String what, boolean numericNoLeadingZero) {
        while (true) {
            int start = pos;
            while (pos < text.length() && isIdentChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                if (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '+') {
                    throw unexpected("while parsing " + what);
                }
                throw new IllegalArgumentException("empty identifier segment in " + what);
            }
            String segment = text.substring(start, pos);
            if (numericNoLeadingZero && segment.length() > 1 && segment.charAt(0) == '0'
                    && segment.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("invalid leading zero in " + what);
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                continue;
            }
            return;
        }
    }

    private static boolean isIdentChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-');
    }

    private IllegalArgumentException unexpected(String where) {
        return new IllegalArgumentException("unexpected character " + quote(text.charAt(pos)) + " " + where);
    }

    private static String quote(char c) {
        return "'" + c + "'";
    }
}
