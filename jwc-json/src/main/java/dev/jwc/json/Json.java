package dev.jwc.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable JSON value. Objects keep their key order, as serde_json's {@code preserve_order} does. */
public sealed interface Json {

    record Obj(Map<String, Json> members) implements Json {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public Json get(String key) {
            return members.get(key);
        }
    }

    record Arr(List<Json> elements) implements Json {
        public Arr {
            elements = List.copyOf(elements);
        }
    }

    record Str(String value) implements Json {}

    /** A number kept as written in decimal, so that integers round-trip exactly and compare by value. */
    record Num(BigDecimal value) implements Json {
        @Override
        public boolean equals(Object o) {
            return o instanceof Num n && value.compareTo(n.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.stripTrailingZeros().hashCode();
        }
    }

    record Bool(boolean value) implements Json {}

    enum Null implements Json { NULL }

    static Json of(String s) {
        return s == null ? Null.NULL : new Str(s);
    }

    static Json of(long n) {
        return new Num(BigDecimal.valueOf(n));
    }

    static Json of(boolean b) {
        return new Bool(b);
    }

    static Json parse(String text) {
        return new JsonReader(text).readDocument();
    }

    /** Pretty-prints with two-space indentation, the layout of serde_json's pretty printer. */
    default String toPrettyString() {
        return JsonWriter.pretty(this);
    }
}
