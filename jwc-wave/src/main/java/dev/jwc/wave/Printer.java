package dev.jwc.wave;

import dev.jwc.types.Val;
import dev.jwc.types.ValueType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link Val} of a {@link ValueType} as canonical WAVE, as wasm-wave writes it: no flattened
 * options or results, record fields and flags in type order, {@code none} fields left out, keyword cases
 * prefixed with {@code %}, floats in shortest round-trip form without exponent.
 */
final class Printer {
    private static final Set<String> KEYWORDS = Set.of("true", "false", "some", "none", "ok", "err", "inf", "nan");

    private final StringBuilder out = new StringBuilder();

    static String print(Val value, ValueType type) {
        Printer printer = new Printer();
        printer.value(value, type);
        return printer.out.toString();
    }

    static boolean isKeyword(String label) {
        return KEYWORDS.contains(label);
    }

    private void value(Val value, ValueType type) {
        switch (type) {
            case ValueType.Primitive p -> primitive(value, p);
            case ValueType.ListType l -> sequence('[', ']', expect(value, Val.List.class, type).elements(), l.element());
            case ValueType.FixedListType l -> sequence('[', ']', fixedList(value, l), l.element());
            case ValueType.RecordType r -> record(expect(value, Val.Record.class, type), r);
            case ValueType.TupleType t -> tuple(expect(value, Val.Tuple.class, type), t);
            case ValueType.VariantType v -> variant(expect(value, Val.Variant.class, type), v);
            case ValueType.EnumType e -> label(checkCase(expect(value, Val.Enum.class, type).name(), e.names(), type));
            case ValueType.OptionType o -> {
                Optional<Val> some = expect(value, Val.Option.class, type).value();
                if (some.isPresent()) {
                    out.append("some(");
                    value(some.get(), o.type());
                    out.append(')');
                } else {
                    out.append("none");
                }
            }
            case ValueType.ResultType r -> {
                Val.Result result = expect(value, Val.Result.class, type);
                out.append(result.isOk() ? "ok" : "err");
                payload(result.payload(), result.isOk() ? r.ok() : r.error(), type);
            }
            case ValueType.FlagsType f -> flags(expect(value, Val.Flags.class, type), f);
            case ValueType.Own o -> throw unsupported(type);
            case ValueType.Borrow b -> throw unsupported(type);
            case ValueType.FutureType f -> throw unsupported(type);
            case ValueType.StreamType s -> throw unsupported(type);
            case ValueType.MapType m -> throw unsupported(type);
        }
    }

    private void primitive(Val value, ValueType.Primitive type) {
        switch (type) {
            case BOOL -> out.append(expect(value, Val.Bool.class, type).value());
            case S8 -> out.append(expect(value, Val.S8.class, type).value());
            case U8 -> out.append(expect(value, Val.U8.class, type).value());
            case S16 -> out.append(expect(value, Val.S16.class, type).value());
            case U16 -> out.append(expect(value, Val.U16.class, type).value());
            case S32 -> out.append(expect(value, Val.S32.class, type).value());
            case U32 -> out.append(expect(value, Val.U32.class, type).value());
            case S64 -> out.append(expect(value, Val.S64.class, type).value());
            case U64 -> out.append(Long.toUnsignedString(expect(value, Val.U64.class, type).value()));
            case F32 -> {
                float f = expect(value, Val.F32.class, type).value();
                out.append(Float.isFinite(f) ? shortest(f, true) : special(f));
            }
            case F64 -> {
                double d = expect(value, Val.F64.class, type).value();
                out.append(Double.isFinite(d) ? shortest(d, false) : special(d));
            }
            case CHAR -> {
                out.append('\'');
                character(expect(value, Val.Char.class, type).codePoint());
                out.append('\'');
            }
            case STRING -> {
                out.append('"');
                expect(value, Val.Str.class, type).value().codePoints().forEach(this::character);
                out.append('"');
            }
            case ERROR_CONTEXT -> throw unsupported(type);
        }
    }

    /**
     * The shortest decimal that reads back as the same float (the nearest one among equally short ones),
     * written out without an exponent, as Rust's {@code Display} does: {@code 1e-45} is
     * {@code 0.000000000000000000000000000000000000000000001}, {@code -0.0} is {@code -0}.
     */
    private static String shortest(double value, boolean single) {
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; ; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            String text = rounded.toString();
            boolean same = single ? Float.parseFloat(text) == (float) value : Double.parseDouble(text) == value;
            if (same) {
                return rounded.stripTrailingZeros().toPlainString();
            }
        }
    }

    private static String special(double value) {
        return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }

    /** Quotes, backslash and line controls get short escapes; other unprintable chars {@code \}{@code u{hex}}. */
    private void character(int codePoint) {
        switch (codePoint) {
            case '\\' -> out.append("\\\\");
            case '"' -> out.append("\\\"");
            case '\'' -> out.append("\\'");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            default -> {
                if (printable(codePoint)) {
                    out.appendCodePoint(codePoint);
                } else {
                    out.append("\\u{").append(Integer.toHexString(codePoint)).append('}');
                }
            }
        }
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> false;
            default -> true;
        };
    }

    private void sequence(char open, char close, List<Val> elements, ValueType element) {
        out.append(open);
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            value(elements.get(i), element);
        }
        out.append(close);
    }

    private List<Val> fixedList(Val value, ValueType.FixedListType type) {
        List<Val> elements = expect(value, Val.FixedList.class, type).elements();
        if (elements.size() != type.length()) {
            throw new IllegalArgumentException("fixed-size list of " + elements.size() + " elements for " + type);
        }
        return elements;
    }

    private void record(Val.Record record, ValueType.RecordType type) {
        if (record.fields().size() != type.fields().size()) {
            throw new IllegalArgumentException("record of " + record.fields().size() + " fields for " + type);
        }
        out.append('{');
        boolean first = true;
        for (ValueType.Field field : type.fields()) {
            Val value = record.get(field.name())
                    .orElseThrow(() -> new IllegalArgumentException("record value lacks field " + field.name()));
            if (value instanceof Val.Option option && option.value().isEmpty()) {
                continue;
            }
            out.append(first ? "" : ", ").append(field.name()).append(": ");
            first = false;
            value(value, field.type());
        }
        out.append(first ? ":}" : "}");
    }

    private void tuple(Val.Tuple tuple, ValueType.TupleType type) {
        if (tuple.elements().size() != type.types().size()) {
            throw new IllegalArgumentException("tuple of " + tuple.elements().size() + " values for " + type);
        }
        out.append('(');
        for (int i = 0; i < type.types().size(); i++) {
            out.append(i > 0 ? ", " : "");
            value(tuple.elements().get(i), type.types().get(i));
        }
        out.append(')');
    }

    private void variant(Val.Variant variant, ValueType.VariantType type) {
        int index = type.indexOf(variant.name());
        if (index < 0) {
            throw new IllegalArgumentException("unknown case " + variant.name() + " of " + type);
        }
        label(variant.name());
        payload(variant.payload(), type.cases().get(index).type(), type);
    }

    private void payload(Optional<Val> payload, Optional<ValueType> payloadType, ValueType owner) {
        if (payload.isPresent() != payloadType.isPresent()) {
            throw new IllegalArgumentException("payload does not match " + owner);
        }
        if (payload.isPresent()) {
            out.append('(');
            value(payload.get(), payloadType.get());
            out.append(')');
        }
    }

    private void flags(Val.Flags flags, ValueType.FlagsType type) {
        for (String name : flags.names()) {
            checkCase(name, type.names(), type);
        }
        out.append('{');
        out.append(String.join(", ", type.names().stream().filter(flags.names()::contains).toList()));
        out.append('}');
    }

    private void label(String name) {
        out.append(isKeyword(name) ? "%" : "").append(name);
    }

    private static String checkCase(String name, List<String> names, ValueType type) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException("unknown case " + name + " of " + type);
        }
        return name;
    }

    private static <T extends Val> T expect(Val value, Class<T> kind, ValueType type) {
        if (!kind.isInstance(value)) {
            throw new IllegalArgumentException("value " + value + " does not have type " + type);
        }
        return kind.cast(value);
    }

    private static IllegalArgumentException unsupported(ValueType type) {
        return new IllegalArgumentException("WAVE has no encoding for values of type " + type);
    }
}
