package dev.jwc.cli.wast;

import dev.jwc.json.Json;
import dev.jwc.types.Val;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Component values as json-from-wast writes them ({@code {"type": "u32", "value": "42"}}). */
final class JsonValues {
    private JsonValues() {
    }

    static Val val(Json json) {
        Json.Obj o = obj(json);
        String type = str(o.get("type"));
        Json value = o.get("value");
        return switch (type) {
            case "bool" -> Val.bool(((Json.Bool) value).value());
            case "s8" -> Val.s8((int) Long.parseLong(str(value)));
            case "u8" -> Val.u8((int) Long.parseLong(str(value)));
            case "s16" -> Val.s16((int) Long.parseLong(str(value)));
            case "u16" -> Val.u16((int) Long.parseLong(str(value)));
            case "s32" -> Val.s32((int) Long.parseLong(str(value)));
            case "u32" -> Val.u32(Long.parseLong(str(value)));
            case "s64" -> Val.s64(Long.parseLong(str(value)));
            case "u64" -> Val.u64(Long.parseUnsignedLong(str(value)));
            case "f32" -> Val.f32(Float.intBitsToFloat((int) Long.parseLong(str(value))));
            case "f64" -> Val.f64(Double.longBitsToDouble(Long.parseUnsignedLong(str(value))));
            case "char" -> Val.character(str(value).codePointAt(0));
            case "string" -> Val.string(str(value));
            case "list" -> new Val.List(vals(value));
            case "tuple" -> new Val.Tuple(vals(value));
            case "record" -> {
                List<Val.Field> fields = new ArrayList<>();
                for (Json f : arr(value)) {
                    List<Json> pair = arr(f);
                    fields.add(new Val.Field(str(pair.get(0)), val(pair.get(1))));
                }
                yield new Val.Record(fields);
            }
            case "variant" -> {
                Json.Obj v = obj(value);
                yield new Val.Variant(str(v.get("case")), payload(v.get("payload")));
            }
            case "enum" -> Val.enumCase(str(value));
            case "option" -> new Val.Option(payload(value));
            case "result" -> {
                Json.Obj v = obj(value);
                boolean ok = v.members().containsKey("Ok");
                yield new Val.Result(ok, payload(v.get(ok ? "Ok" : "Err")));
            }
            case "flags" -> {
                Set<String> names = new LinkedHashSet<>();
                arr(value).forEach(n -> names.add(str(n)));
                yield new Val.Flags(names);
            }
            default -> throw new IllegalArgumentException("unknown value type `" + type + "`");
        };
    }

    static List<Val> vals(Json json) {
        return arr(json).stream().map(JsonValues::val).toList();
    }

    private static Optional<Val> payload(Json json) {
        return json == null || json == Json.Null.NULL ? Optional.empty() : Optional.of(val(json));
    }

    static Json.Obj obj(Json json) {
        if (!(json instanceof Json.Obj o)) {
            throw new IllegalArgumentException("expected a JSON object, found " + json);
        }
        return o;
    }

    static List<Json> arr(Json json) {
        if (!(json instanceof Json.Arr a)) {
            throw new IllegalArgumentException("expected a JSON array, found " + json);
        }
        return a.elements();
    }

    static String str(Json json) {
        if (!(json instanceof Json.Str s)) {
            throw new IllegalArgumentException("expected a JSON string, found " + json);
        }
        return s.value();
    }
}
