package dev.jwc.witcomponent;

import dev.jwc.json.Json;

/** JSON without whitespace, as serde_json's {@code to_writer} produces it for custom sections. */
final class CompactJson {
    private CompactJson() {}

    static String write(Json json) {
        StringBuilder out = new StringBuilder();
        write(json, out);
        return out.toString();
    }

    private static void write(Json json, StringBuilder out) {
        switch (json) {
            case Json.Obj o -> {
                out.append('{');
                boolean first = true;
                for (var e : o.members().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case Json.Arr a -> {
                out.append('[');
                for (int i = 0; i < a.elements().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(a.elements().get(i), out);
                }
                out.append(']');
            }
            case Json.Str s -> string(s.value(), out);
            case Json.Num n -> out.append(n.value().toPlainString());
            case Json.Bool b -> out.append(b.value());
            case Json.Null n -> out.append("null");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
