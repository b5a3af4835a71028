package dev.jwc.binary.validate;

import java.util.Locale;

/**
 * The grammar of import and export names (Explainer.md "Import and Export Definitions"): labels in
 * kebab case, {@code [constructor]}/{@code [method]}/{@code [static]} annotations, interface names,
 * dependency, URL and integrity names. Faults are reported in wasmparser's words.
 */
final class ExternNames {
    private ExternNames() {
    }

    enum Kind { LABEL, CONSTRUCTOR, METHOD, STATIC, INTERFACE, DEPENDENCY, URL, HASH }

    /**
     * A parsed name. {@code resource} is the annotated resource of constructor, method and static names,
     * {@code key} the canonical form under which strongly-unique names must differ.
     */
    record Parsed(String raw, Kind kind, String resource, String function, String key) {
        boolean isExportable() {
            return kind != Kind.DEPENDENCY && kind != Kind.URL && kind != Kind.HASH;
        }
    }

    /** A name that breaks the grammar. */
    static final class Fault extends Exception {
        Fault(String message) {
            super(message);
        }
    }

    static boolean isKebab(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean first = true;
        for (String fragment : s.split("-", -1)) {
            if (fragment.isEmpty()) {
                return false;
            }
            char c0 = fragment.charAt(0);
            if (first && !(c0 >= 'a' && c0 <= 'z' || c0 >= 'A' && c0 <= 'Z')) {
                return false;
            }
            boolean lower = false;
            boolean upper = false;
            for (int i = 0; i < fragment.length(); i++) {
                char c = fragment.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    lower = true;
                } else if (c >= 'A' && c <= 'Z') {
                    upper = true;
                } else if (!(c >= '0' && c <= '9')) {
                    return false;
                }
            }
            if (lower && upper) {
                return false;
            }
            first = false;
        }
        return true;
    }

    static void kebab(String s) throws Fault {
        if (!isKebab(s)) {
            throw new Fault("`" + s + "` is not in kebab case");
        }
    }

    /** Which optional name forms are enabled: nested namespaces and packages 🪺, canonical versions 🔗. */
    record Options(boolean nested, boolean canonVersions) {
    }

    static Parsed parse(String raw, Options options) throws Fault {
        Cursor c = new Cursor(raw, options.canonVersions());
        Parsed parsed = c.parse(options.nested());
        if (!c.rest.isEmpty()) {
            throw new Fault("trailing characters found: `" + c.rest + "`");
        }
        return parsed;
    }

    /** Checks an interface name on its own, as {@code implements} attributes hold. */
    static boolean isInterface(String raw, Options options) {
        try {
            return parse(raw, options).kind() == Kind.INTERFACE;
        } catch (Fault e) {
            return false;
        }
    }

    private static final class Cursor {
        private static final java.util.regex.Pattern CANON_VERSION =
                java.util.regex.Pattern.compile("[1-9][0-9]*|0\\.[1-9][0-9]*|0\\.0\\.[1-9][0-9]*|0\\.0\\.0");

        private final String raw;
        private final boolean canonVersions;
        private String rest;

        Cursor(String raw, boolean canonVersions) {
            this.raw = raw;
            this.rest = raw;
            this.canonVersions = canonVersions;
        }

        Parsed parse(boolean nested) throws Fault {
            String lower = raw.toLowerCase(Locale.ROOT);
            if (eat("[constructor]")) {
                String resource = takeRest();
                kebab(resource);
                return new Parsed(raw, Kind.CONSTRUCTOR, resource, resource, lower);
            }
            for (String prefix : new String[] {"[method]", "[static]"}) {
                if (eat(prefix)) {
                    String resource = takeUntil('.');
                    kebab(resource);
                    String function = takeRest();
                    kebab(function);
                    String key = resource.equalsIgnoreCase(function) ? resource.toLowerCase(Locale.ROOT)
                            : (resource + "." + function).toLowerCase(Locale.ROOT);
                    return new Parsed(raw, prefix.equals("[method]") ? Kind.METHOD : Kind.STATIC, resource,
                            function, key);
                }
            }
            if (eat("unlocked-dep=")) {
                expect("<");
                pkgIdSet(nested);
                expect(">");
                return new Parsed(raw, Kind.DEPENDENCY, null, null, raw);
            }
            if (eat("locked-dep=")) {
                expect("<");
                pkgId(nested);
                expect(">");
                optionalHash();
                return new Parsed(raw, Kind.DEPENDENCY, null, null, raw);
            }
            if (eat("url=")) {
                expect("<");
                String url = takeUpTo('>');
                if (url.contains("<")) {
                    throw new Fault("url cannot contain `<`");
                }
                expect(">");
                optionalHash();
                return new Parsed(raw, Kind.URL, null, null, raw);
            }
            if (eat("integrity=")) {
                expect("<");
                hash();
                expect(">");
                return new Parsed(raw, Kind.HASH, null, null, raw);
            }
            if (rest.indexOf(':') >= 0) {
                interfaceName(nested);
                return new Parsed(raw, Kind.INTERFACE, null, null, lower);
            }
            kebab(takeRest());
            return new Parsed(raw, Kind.LABEL, null, null, lower);
        }

        /** {@code namespace+ package projection+ (@ version)?}; nesting beyond one of each needs 🪺. */
        private void interfaceName(boolean nested) throws Fault {
            packageName(nested);
            if (!eat("/")) {
                throw new Fault("expected `/` after package name");
            }
            int at = rest.indexOf('@');
            String path = at >= 0 ? rest.substring(0, at) : rest;
            String[] projections = path.split("/", -1);
            kebab(projections[0]);
            if (projections.length > 1 && !nested) {
                rest = rest.substring(projections[0].length());
                return;
            }
            for (String p : projections) {
                kebab(p);
            }
            rest = at >= 0 ? rest.substring(at) : "";
            if (eat("@")) {
                String version = takeRest();
                if (!(canonVersions && CANON_VERSION.matcher(version).matches())) {
                    semver(version);
                }
            }
        }

        /**
         * {@code namespace:package}, each a run of kebab characters; with 🪺, further {@code :package} segments.
         * What follows is for the caller to expect.
         */
        private void packageName(boolean nested) throws Fault {
            words(takeKebab());
            expect(":");
            words(takeKebab());
            while (nested && eat(":")) {
                words(takeKebab());
            }
        }

        /** The longest prefix of letters, digits and hyphens, which {@link #words} then checks. */
        private String takeKebab() {
            int end = 0;
            while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) && rest.charAt(end) < 128
                    || rest.charAt(end) == '-')) {
                end++;
            }
            String s = rest.substring(0, end);
            rest = rest.substring(end);
            return s;
        }

        /** The interface projections a nested 🪺 dependency name may carry after its package. */
        private void projections(boolean nested) throws Fault {
            while (nested && eat("/")) {
                int end = firstOf('/', '@', '>');
                String label = end >= 0 ? rest.substring(0, end) : rest;
                kebab(label);
                rest = rest.substring(label.length());
            }
        }

        private void words(String s) throws Fault {
            kebab(s);
            for (int i = 0; i < s.length(); i++) {
                if (Character.isUpperCase(s.charAt(i))) {
                    throw new Fault("character `" + s.charAt(i) + "` is not lowercase in package name/namespace");
                }
            }
        }

        private void pkgId(boolean nested) throws Fault {
            packageName(nested);
            projections(nested);
            if (eat("@")) {
                int end = rest.indexOf('>');
                semver(end >= 0 ? rest.substring(0, end) : rest);
                rest = end >= 0 ? rest.substring(end) : "";
            }
        }

        private void pkgIdSet(boolean nested) throws Fault {
            packageName(nested);
            projections(nested);
            if (!eat("@")) {
                return;
            }
            if (eat("*")) {
                return;
            }
            expect("{");
            boolean any = false;
            if (eat(">=")) {
                any = true;
                int space = rest.indexOf(' ');
                int close = rest.indexOf('}');
                if (space >= 0 && (close < 0 || space < close)) {
                    semver(rest.substring(0, space));
                    rest = rest.substring(space + 1);
                } else {
                    semver(takeUntil('}'));
                    return;
                }
            }
            if (!eat("<")) {
                throw new Fault(any ? "expected `<` at `" + rest + "`" : "expected `>=` or `<` at start of version range");
            }
            semver(takeUntil('}'));
        }

        private void optionalHash() throws Fault {
            if (!eat(",")) {
                return;
            }
            if (!eat("integrity=<")) {
                throw new Fault("expected `integrity=<` at `" + rest + "`");
            }
            hash();
            expect(">");
        }

        private void hash() throws Fault {
            String integrity = takeUpTo('>');
            boolean any = false;
            for (String h : integrity.strip().split("\\s+")) {
                if (h.isEmpty()) {
                    continue;
                }
                any = true;
                String body;
                if (h.startsWith("sha256") || h.startsWith("sha384") || h.startsWith("sha512")) {
                    body = h.substring(6);
                } else {
                    throw new Fault("unrecognized hash algorithm: `" + h + "`");
                }
                if (!body.startsWith("-")) {
                    throw new Fault("expected `-` after hash algorithm: " + h);
                }
                body = body.substring(1);
                int q = body.indexOf('?');
                String base64 = q >= 0 ? body.substring(0, q) : body;
                if (!isBase64(base64)) {
                    throw new Fault("not valid base64: `" + base64 + "`");
                }
            }
            if (!any) {
                throw new Fault("integrity hash cannot be empty");
            }
        }

        private static boolean isBase64(String s) {
            if (s.isEmpty()) {
                return false;
            }
            int equals = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean alnum = c < 128 && Character.isLetterOrDigit(c) || c == '+' || c == '/';
                if (alnum && equals == 0) {
                    continue;
                }
                if (c == '=' && i > 0 && equals < 2) {
                    equals++;
                    continue;
                }
                return false;
            }
            return true;
        }

        private static void semver(String s) throws Fault {
            String fault = Semver.fault(s);
            if (fault != null) {
                throw new Fault("`" + s + "` is not a valid semver: " + fault);
            }
        }

        private int firstOf(char... chars) {
            int best = -1;
            for (char ch : chars) {
                int i = rest.indexOf(ch);
                if (i >= 0 && (best < 0 || i < best)) {
                    best = i;
                }
            }
            return best;
        }

        private boolean eat(String prefix) {
            if (rest.startsWith(prefix)) {
                rest = rest.substring(prefix.length());
                return true;
            }
            return false;
        }

        private void expect(String prefix) throws Fault {
            if (!eat(prefix)) {
                throw new Fault("expected `" + prefix + "` at `" + rest + "`");
            }
        }

        private String takeUntil(char c) throws Fault {
            String s = takeUpTo(c);
            rest = rest.substring(1);
            return s;
        }

        private String takeUpTo(char c) throws Fault {
            int i = rest.indexOf(c);
            if (i < 0) {
                throw new Fault("failed to find `" + c + "` character");
            }
            String s = rest.substring(0, i);
            rest = rest.substring(i);
            return s;
        }

        private String takeRest() {
            String s = rest;
            rest = "";
            return s;
        }
    }
}
