package dev.jwc.wit.print;

import java.util.Set;

/** Spelling of WIT identifiers: a name that is also a keyword is written with a leading {@code %}. */
final class WitNames {
    private static final Set<String> KEYWORDS = Set.of(
            "use", "type", "func", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64",
            "float32", "float64", "char", "resource", "record", "flags", "variant", "enum", "bool", "string",
            "option", "result", "future", "stream", "error-context", "list", "map", "own", "borrow", "_", "as",
            "from", "static", "interface", "tuple", "world", "import", "export", "package", "with", "include",
            "constructor", "async");

    private WitNames() {}

    static String escape(String name) {
        return KEYWORDS.contains(name) ? "%" + name : name;
    }
}
