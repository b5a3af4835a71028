package dev.jwc.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes JSON text. */
final class JsonWriter {
    private JsonWriter() {}

    static String pretty(Json value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Json value, int depth) {
        switch (value) {
            case Json.Obj o -> writeObject(sb, o.members(), depth);
            case Json.Arr a -> writeArray(sb, a.elements(), depth);
            case Json.Str s -> quote(sb, s.value());
            case Json.Num n -> sb.append(n.value().toPlainString());
            case Json.Bool b -> sb.append(b.value());
            case Json.Null ignored -> sb.append("null");
        }
    }

    private static void writeObject(StringBuilder sb, Map<String, Json> members, int depth) {
        if (members.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        Iterator<Map.Entry<String, Json>> it = members.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Json> e = it.next();
            indent(sb, depth + 1);
            quote(sb, e.getKey());
            sb.append(": ");
            write(sb, e.getValue(), depth + 1);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(sb, depth);
        sb.append('}');
    }

    private static void writeArray(StringBuilder sb, List<Json> elements, int depth) {
        if (elements.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (int i = 0; i < elements.size(); i++) {
            indent(sb, depth + 1);
            write(sb, elements.get(i), depth + 1);
            sb.append(i + 1 < elements.size() ? ",\n" : "\n");
        }
        indent(sb, depth);
        sb.append(']');
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
