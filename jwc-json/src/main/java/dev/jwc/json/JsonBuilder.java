package dev.jwc.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds objects and arrays in order; {@code null} values become JSON null. */
public final class JsonBuilder {
    private JsonBuilder() {}

    public static ObjBuilder object() {
        return new ObjBuilder();
    }

    public static ArrBuilder array() {
        return new ArrBuilder();
    }

    public static final class ObjBuilder {
        private final Map<String, Json> members = new LinkedHashMap<>();

        public ObjBuilder put(String key, Json value) {
            members.put(key, value == null ? Json.Null.NULL : value);
            return this;
        }

        public ObjBuilder put(String key, String value) {
            return put(key, Json.of(value));
        }

        public ObjBuilder put(String key, long value) {
            return put(key, Json.of(value));
        }

        public ObjBuilder put(String key, boolean value) {
            return put(key, Json.of(value));
        }

        public boolean isEmpty() {
            return members.isEmpty();
        }

        public Json.Obj build() {
            return new Json.Obj(members);
        }
    }

    public static final class ArrBuilder {
        private final List<Json> elements = new ArrayList<>();

        public ArrBuilder add(Json value) {
            elements.add(value == null ? Json.Null.NULL : value);
            return this;
        }

        public ArrBuilder add(String value) {
            return add(Json.of(value));
        }

        public ArrBuilder add(long value) {
            return add(Json.of(value));
        }

        public Json.Arr build() {
            return new Json.Arr(elements);
        }
    }
}
