package dev.jwc.text.print;

import java.util.Set;

/**
 * A name from a name section and the identifier it prints as. A name that is not a valid text-format
 * identifier, starts with {@code #} or repeats an earlier name of the same space gets a synthetic
 * identifier {@code #<space><index><name with invalid characters as _>}, and the real name follows in an
 * {@code (@name "...")} annotation, as wasmprinter does.
 */
record Naming(String name, String synthetic) {

    /** {@code used} collects the names already taken in this space, or is null where shadowing is allowed. */
    static Naming of(String name, int index, String space, Set<String> used) {
        boolean valid = !name.isEmpty() && name.codePoints().allMatch(Naming::isIdChar) && !name.startsWith("#");
        boolean fresh = used == null || used.add(name);
        if (valid && fresh) {
            return new Naming(name, null);
        }
        StringBuilder id = new StringBuilder("#").append(space).append(Integer.toUnsignedString(index)).append('<');
        name.codePoints().forEach(c -> id.appendCodePoint(isIdChar(c) ? c : '_'));
        return new Naming(name, id.append('>').toString());
    }

    /** What a reference prints after {@code $}. */
    String identifier() {
        return synthetic == null ? name : synthetic;
    }

    /** The binding form: {@code $id}, plus the real name when the identifier is synthetic. */
    void write(Out out) {
        if (synthetic == null) {
            out.text("$").text(name);
            return;
        }
        StringBuilder s = new StringBuilder("$").append(synthetic).append(" (@name \"");
        name.codePoints().forEach(c -> {
            switch (c) {
                case '\t' -> s.append("\\t");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '"' -> s.append("\\\"");
                case '\'' -> s.append("\\'");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        s.append("\\u{").append(Integer.toHexString(c)).append('}');
                    } else {
                        s.appendCodePoint(c);
                    }
                }
            }
        });
        out.text(s.append("\")").toString());
    }

    static boolean isIdChar(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }
}
