package dev.jwc.tools;

import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The import name of a {@code future} or {@code stream} built-in: {@code [future-read-0]f} names the first
 * future or stream type in function {@code f}'s signature, {@code [stream-new-unit]f} the stream without payload.
 *
 * @param index the number of the type among {@link #futuresAndStreams}, empty for the payload-less type
 */
record PayloadName(boolean stream, Lowerings.PayloadOp op, OptionalInt index, String function) {
    private static final String UNIT = "unit";

    static Optional<PayloadName> parse(String name) {
        boolean stream = name.startsWith("[stream-");
        if (!stream && !name.startsWith("[future-")) {
            return Optional.empty();
        }
        int close = name.indexOf(']');
        int dash = close < 0 ? -1 : name.lastIndexOf('-', close);
        if (dash <= "[future".length()) {
            return Optional.empty();
        }
        String label = name.substring("[future-".length(), dash);
        String number = name.substring(dash + 1, close);
        OptionalInt index;
        if (number.equals(UNIT)) {
            index = OptionalInt.empty();
        } else if (number.matches("[0-9]{1,9}")) {
            index = OptionalInt.of(Integer.parseInt(number));
        } else {
            return Optional.empty();
        }
        for (Lowerings.PayloadOp op : Lowerings.PayloadOp.values()) {
            if (op.label.equals(label)) {
                return Optional.of(new PayloadName(stream, op, index, name.substring(close + 1)));
            }
        }
        return Optional.empty();
    }

    /** The future and stream types of {@code f}'s parameters then result, depth first, inner types first. */
    static List<TypeId> futuresAndStreams(Resolve resolve, Function f) {
        List<TypeId> found = new ArrayList<>();
        f.params().stream().map(Param::type).forEach(t -> collect(resolve, t, found));
        f.result().ifPresent(t -> collect(resolve, t, found));
        return found;
    }

    /** Post-order walk with an explicit stack: untrusted types can nest deeply. */
    private static void collect(Resolve resolve, Type root, List<TypeId> found) {
        record Visit(TypeId id, boolean done) {}
        Deque<Visit> stack = new ArrayDeque<>();
        if (root instanceof Type.Ref(TypeId id)) {
            stack.push(new Visit(id, false));
        }
        while (!stack.isEmpty()) {
            Visit v = stack.pop();
            TypeDefKind kind = resolve.get(v.id()).kind();
            if (v.done()) {
                found.add(v.id());
                continue;
            }
            List<Type> children = switch (kind) {
                case TypeDefKind.Record r -> r.fields().stream().map(TypeDefKind.Field::type).toList();
                case TypeDefKind.Tuple t -> t.types();
                case TypeDefKind.Variant x -> x.cases().stream().flatMap(c -> c.type().stream()).toList();
                case TypeDefKind.Option o -> List.of(o.type());
                case TypeDefKind.Result r -> java.util.stream.Stream.concat(r.ok().stream(), r.err().stream()).toList();
                case TypeDefKind.List l -> List.of(l.element());
                case TypeDefKind.FixedSizeList l -> List.of(l.element());
                case TypeDefKind.Map m -> List.of(m.key(), m.value());
                case TypeDefKind.Alias(Type target) -> List.of(target);
                case TypeDefKind.Future fu -> {
                    stack.push(new Visit(v.id(), true));
                    yield fu.payload().stream().toList();
                }
                case TypeDefKind.Stream st -> {
                    stack.push(new Visit(v.id(), true));
                    yield st.element().stream().toList();
                }
                case TypeDefKind.Resource r -> List.of();
                case TypeDefKind.Own o -> List.of();
                case TypeDefKind.Borrow b -> List.of();
                case TypeDefKind.Flags fl -> List.of();
                case TypeDefKind.Enum e -> List.of();
                case TypeDefKind.Unknown u -> List.of();
            };
            for (int n = children.size() - 1; n >= 0; n--) {
                if (children.get(n) instanceof Type.Ref(TypeId child)) {
                    stack.push(new Visit(child, false));
                }
            }
        }
    }
}
