package dev.jwc.cli.wast;

import dev.jwc.text.wast.ComponentValue;
import dev.jwc.text.wast.WastValue;
import dev.jwc.types.Val;
import java.util.LinkedHashSet;
import java.util.List;

/** Component values of the .wast text ({@code (u32.const 1)}, {@code (str.const "x")}, ...) as {@link Val}s. */
final class TextValues {
    private TextValues() {
    }

    static List<Val> vals(List<? extends WastValue> values) {
        return values.stream().map(TextValues::val).toList();
    }

    static Val val(WastValue value) {
        if (!(value instanceof ComponentValue v)) {
            throw new IllegalArgumentException("core value " + value + " passed to a component function");
        }
        return val(v);
    }

    static Val val(ComponentValue value) {
        return switch (value) {
            case ComponentValue.Bool b -> Val.bool(b.value());
            case ComponentValue.Int i -> switch (i.kind()) {
                case U8 -> Val.u8((int) i.value());
                case S8 -> Val.s8((int) i.value());
                case U16 -> Val.u16((int) i.value());
                case S16 -> Val.s16((int) i.value());
                case U32 -> Val.u32(i.value());
                case S32 -> Val.s32((int) i.value());
                case U64 -> Val.u64(i.value());
                case S64 -> Val.s64(i.value());
            };
            case ComponentValue.F32 f -> Val.f32(Float.intBitsToFloat(f.bits()));
            case ComponentValue.F64 f -> Val.f64(Double.longBitsToDouble(f.bits()));
            case ComponentValue.Char c -> Val.character(c.codePoint());
            case ComponentValue.Str s -> Val.string(s.value());
            case ComponentValue.ListOf l -> new Val.List(l.elements().stream().map(TextValues::val).toList());
            case ComponentValue.Record r -> new Val.Record(r.fields().stream()
                    .map(f -> new Val.Field(f.name(), val(f.value()))).toList());
            case ComponentValue.Tuple t -> new Val.Tuple(t.elements().stream().map(TextValues::val).toList());
            case ComponentValue.Variant v -> new Val.Variant(v.caseName(), v.payload().map(TextValues::val));
            case ComponentValue.Enum e -> Val.enumCase(e.caseName());
            case ComponentValue.Option o -> new Val.Option(o.value().map(TextValues::val));
            case ComponentValue.Result r -> new Val.Result(r.ok(), r.payload().map(TextValues::val));
            case ComponentValue.Flags f -> new Val.Flags(new LinkedHashSet<>(f.names()));
        };
    }
}
