package dev.jwc.text.print;

import java.util.Set;

/**
 * A name from a name section and how it prints, following wasmprinter: a name made of identifier
 * characters prints as {@code $name}, any other as a quoted identifier {@code $"name"}; an empty name,
 * one starting with {@code #} or one already used in its index space gets the synthetic identifier
 * {@code $"#<space><index> <name>"}, whose definitions carry the real name in {@code (@name "...")}.
 */
record Naming(String name, String syntheticPrefix) {

    /** {@code used} collects the names already taken in this space, or is null where shadowing is allowed. */
    static Naming of(String name, int index, String space, Set<String> used) {
        boolean fresh = used == null || used.add(name);
        if (name.isEmpty() || name.startsWith("#") || !fresh) {
            return new Naming(name, "#" + space + Integer.toUnsignedString(index));
        }
        return new Naming(name, null);
    }

    /** A reference: {@code $name}, {@code $"name"} or {@code $"#func3 name"}. */
    void writeIdentifier(Out out) {
        if (syntheticPrefix != null) {
            out.text("$\"" + syntheticPrefix + " ").stringContents(name).text("\"");
        } else if (name.codePoints().allMatch(Naming::isIdChar)) {
            out.text("$" + name);
        } else {
            out.text("$\"").stringContents(name).text("\"");
        }
    }

    /** A definition: the identifier, and the real name when the identifier is synthetic. */
    void write(Out out) {
        writeIdentifier(out);
        if (syntheticPrefix != null) {
            out.space().open("@name \"").stringContents(name).text("\"").close();
        }
    }

    static boolean isIdChar(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }
}
