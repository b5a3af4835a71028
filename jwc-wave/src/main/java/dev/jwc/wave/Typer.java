package dev.jwc.wave;

import dev.jwc.types.Val;
import dev.jwc.types.ValueType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an untyped {@link WaveNode} against a {@link ValueType} and builds the {@link Val}. */
final class Typer {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final String src;
    private final Literals literals;

    Typer(String src) {
        this.src = src;
        this.literals = new Literals(src);
    }

    Val toVal(WaveNode node, ValueType type) {
        return switch (type) {
            case ValueType.Primitive p -> primitive(node, p);
            case ValueType.ListType l -> new Val.List(elements(as(node, WaveNode.ListNode.class).elements(), l.element()));
            case ValueType.FixedListType l -> fixedList(as(node, WaveNode.ListNode.class), l);
            case ValueType.RecordType r -> record(as(node, WaveNode.RecordNode.class), r);
            case ValueType.TupleType t -> tuple(as(node, WaveNode.Tuple.class), t);
            case ValueType.VariantType v -> variant(node, v);
            case ValueType.EnumType e -> enumCase(as(node, WaveNode.Label.class), e);
            case ValueType.OptionType o -> option(node, o);
            case ValueType.ResultType r -> result(node, r);
            case ValueType.FlagsType f -> flags(as(node, WaveNode.Flags.class), f);
            case ValueType.Own o -> unsupported(node, "own<" + o.resource().name() + ">");
            case ValueType.Borrow b -> unsupported(node, "borrow<" + b.resource().name() + ">");
            case ValueType.FutureType f -> unsupported(node, "future");
            case ValueType.StreamType s -> unsupported(node, "stream");
            case ValueType.MapType m -> unsupported(node, "map");
        };
    }

    private Val primitive(WaveNode node, ValueType.Primitive type) {
        return switch (type) {
            case BOOL -> Val.bool(as(node, WaveNode.Bool.class).value());
            case S8 -> Val.s8(integer(node, Byte.MIN_VALUE, Byte.MAX_VALUE).intValue());
            case U8 -> Val.u8(integer(node, 0, 0xff).intValue());
            case S16 -> Val.s16(integer(node, Short.MIN_VALUE, Short.MAX_VALUE).intValue());
            case U16 -> Val.u16(integer(node, 0, 0xffff).intValue());
            case S32 -> Val.s32(integer(node, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue());
            case U32 -> Val.u32(integer(node, 0, 0xffff_ffffL).longValue());
            case S64 -> Val.s64(integer(node, Long.MIN_VALUE, Long.MAX_VALUE).longValue());
            case U64 -> Val.u64(integer(node, BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)).longValue());
            case F32 -> Val.f32((float) floating(node, true));
            case F64 -> Val.f64(floating(node, false));
            case CHAR -> Val.character(literals.character(as(node, WaveNode.Char.class)));
            case STRING -> Val.string(literals.string(as(node, WaveNode.Str.class)));
            case ERROR_CONTEXT -> unsupported(node, "error-context");
        };
    }

    private BigInteger integer(WaveNode node, long min, long max) {
        return integer(node, BigInteger.valueOf(min), BigInteger.valueOf(max));
    }

    /** A base-10 integer within {@code [min, max]}; unsigned types reject any minus sign, as Rust does. */
    private BigInteger integer(WaveNode node, BigInteger min, BigInteger max) {
        String text = as(node, WaveNode.Number.class).text();
        if (!INTEGER.matcher(text).matches() || (min.signum() == 0 && text.startsWith("-"))) {
            throw error(WaveException.Kind.INVALID_VALUE, null, node.span());
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw error(WaveException.Kind.INVALID_VALUE, null, node.span());
        }
        return value;
    }

    /** A float; decimal text rounds to the nearest value of the type (overflowing to infinity). */
    private double floating(WaveNode node, boolean single) {
        String text = as(node, WaveNode.Number.class).text();
        return switch (text) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> single ? Float.parseFloat(text) : Double.parseDouble(text);
        };
    }

    private List<Val> elements(List<WaveNode> nodes, ValueType element) {
        List<Val> values = new ArrayList<>(nodes.size());
        for (WaveNode node : nodes) {
            values.add(toVal(node, element));
        }
        return values;
    }

    private Val fixedList(WaveNode.ListNode node, ValueType.FixedListType type) {
        if (node.elements().size() != type.length()) {
            throw valueError("expected " + type.length() + " list elements, got " + node.elements().size(), node.span());
        }
        return new Val.FixedList(elements(node.elements(), type.element()));
    }

    private Val record(WaveNode.RecordNode node, ValueType.RecordType type) {
        Map<String, WaveNode.FieldNode> given = new HashMap<>();
        for (WaveNode.FieldNode field : node.fields()) {
            given.put(field.label().name(), field);
        }
        List<Val.Field> fields = new ArrayList<>(type.fields().size());
        for (ValueType.Field field : type.fields()) {
            WaveNode.FieldNode value = given.remove(field.name());
            if (value != null) {
                fields.add(Val.field(field.name(), toVal(value.value(), field.type())));
            } else if (field.type() instanceof ValueType.OptionType) {
                fields.add(Val.field(field.name(), Val.none()));
            } else {
                throw valueError("missing field " + Parser.quoted(field.name()), node.span());
            }
        }
        for (WaveNode.FieldNode unknown : node.fields()) {
            if (given.containsKey(unknown.label().name())) {
                throw valueError("unknown field " + Parser.quoted(unknown.label().name()), unknown.label().span());
            }
        }
        return new Val.Record(fields);
    }

    private Val tuple(WaveNode.Tuple node, ValueType.TupleType type) {
        if (node.elements().size() != type.types().size()) {
            throw valueError("expected " + type.types().size() + " tuple values, got " + node.elements().size(), node.span());
        }
        List<Val> values = new ArrayList<>(type.types().size());
        for (int i = 0; i < type.types().size(); i++) {
            values.add(toVal(node.elements().get(i), type.types().get(i)));
        }
        return new Val.Tuple(values);
    }

    private Val variant(WaveNode node, ValueType.VariantType type) {
        WaveNode.Label label;
        Optional<WaveNode> payload;
        switch (node) {
            case WaveNode.Label l -> {
                label = l;
                payload = Optional.empty();
            }
            case WaveNode.Case c -> {
                label = c.label();
                payload = Optional.of(c.payload());
            }
            default -> throw error(WaveException.Kind.INVALID_TYPE, null, node.span());
        }
        int index = type.indexOf(label.name());
        if (index < 0) {
            throw valueError("unknown case " + Parser.quoted(label.name()), node.span());
        }
        return new Val.Variant(label.name(), payload(node, label.name(), type.cases().get(index).type(), payload));
    }

    private Val enumCase(WaveNode.Label node, ValueType.EnumType type) {
        if (!type.names().contains(node.name())) {
            throw valueError("unknown case " + Parser.quoted(node.name()), node.span());
        }
        return Val.enumCase(node.name());
    }

    private Val option(WaveNode node, ValueType.OptionType type) {
        return switch (node) {
            case WaveNode.Some some -> Val.some(toVal(some.payload(), type.type()));
            case WaveNode.None none -> Val.none();
            default -> {
                if (!flattenable(type.type())) {
                    throw error(WaveException.Kind.INVALID_TYPE, null, node.span());
                }
                yield Val.some(toVal(node, type.type()));
            }
        };
    }

    private Val result(WaveNode node, ValueType.ResultType type) {
        return switch (node) {
            case WaveNode.Ok ok -> new Val.Result(true, payload(node, "ok", type.ok(), ok.payload()));
            case WaveNode.Err err -> new Val.Result(false, payload(node, "err", type.error(), err.payload()));
            default -> {
                if (type.ok().isEmpty() || !flattenable(type.ok().get())) {
                    throw error(WaveException.Kind.INVALID_TYPE, null, node.span());
                }
                yield Val.ok(toVal(node, type.ok().get()));
            }
        };
    }

    /** Options and results may stand for {@code some(x)} / {@code ok(x)} unless x is itself one. */
    private static boolean flattenable(ValueType type) {
        return !(type instanceof ValueType.OptionType) && !(type instanceof ValueType.ResultType);
    }

    private Optional<Val> payload(WaveNode node, String caseName, Optional<ValueType> type, Optional<WaveNode> payload) {
        if (type.isPresent() && payload.isPresent()) {
            return Optional.of(toVal(payload.get(), type.get()));
        }
        if (type.isPresent()) {
            throw valueError("missing payload for " + Parser.quoted(caseName) + " case", node.span());
        }
        if (payload.isPresent()) {
            throw valueError("unexpected payload for " + Parser.quoted(caseName) + " case", node.span());
        }
        return Optional.empty();
    }

    /** Flags in the type's declaration order, whatever order the text gave. */
    private Val flags(WaveNode.Flags node, ValueType.FlagsType type) {
        Set<String> given = new LinkedHashSet<>();
        for (WaveNode.Label label : node.names()) {
            if (!type.names().contains(label.name())) {
                throw valueError("unknown case " + Parser.quoted(label.name()), node.span());
            }
            given.add(label.name());
        }
        return new Val.Flags(new LinkedHashSet<>(type.names().stream().filter(given::contains).toList()));
    }

    private <T extends WaveNode> T as(WaveNode node, Class<T> kind) {
        if (!kind.isInstance(node)) {
            throw error(WaveException.Kind.INVALID_TYPE, null, node.span());
        }
        return kind.cast(node);
    }

    private <T> T unsupported(WaveNode node, String typeName) {
        throw valueError("WAVE has no encoding for values of type " + typeName, node.span());
    }

    private WaveException valueError(String detail, Span span) {
        return error(WaveException.Kind.VALUE_ERROR, detail, span);
    }

    private WaveException error(WaveException.Kind kind, String detail, Span span) {
        return new WaveException(kind, detail, span, src);
    }
}
