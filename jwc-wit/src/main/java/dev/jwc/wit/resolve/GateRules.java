package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WIT.md's rule that "any item that refers to another gated item must also be compatibly gated": an item with no
 * gate of its own (nor one on the interface or world that contains it) may not refer to a gated named type.
 * WIT.md's other rule, that items inside a gated item must be gated too, is not enforced: wit-parser does not
 * enforce it and the WASI 0.2 and 0.3 packages break it (ungated {@code use}s and methods in gated items).
 */
final class GateRules {
    private final List<MutableType> types;

    GateRules(List<MutableType> types) {
        this.types = types;
    }

    void checkType(MutableType type, Stability container, Span span) {
        if (type.name != null) {
            check(type.name, type.stability, container, refs(type.kind), span);
        }
    }

    void checkFunction(Function f, Stability container, Span span) {
        List<Type> refs = new ArrayList<>();
        for (Param p : f.params()) {
            refs.add(p.type());
        }
        f.result().ifPresent(refs::add);
        check(f.itemName(), f.stability(), container, refs, span);
    }

    private void check(String name, Stability own, Stability container, List<Type> refs, Span span) {
        if (!own.isUnknown() || !container.isUnknown()) {
            return;
        }
        for (Type ref : refs) {
            gatedTarget(ref).ifPresent(target -> {
                throw span.error("`" + name + "` refers to `" + target + "`, which is gated, so it must be gated too");
            });
        }
    }

    /**
     * The name of a gated named type that {@code type} refers to, looking through anonymous types (whose nesting
     * the parser bounds, so the recursion is shallow).
     */
    private Optional<String> gatedTarget(Type type) {
        if (!(type instanceof Type.Ref(TypeId id))) {
            return Optional.empty();
        }
        MutableType target = types.get(id.index());
        if (target.name != null) {
            return target.stability.isUnknown() ? Optional.empty() : Optional.of(target.name);
        }
        for (Type inner : refs(target.kind)) {
            Optional<String> found = gatedTarget(inner);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static List<Type> refs(TypeDefKind kind) {
        return switch (kind) {
            case TypeDefKind.Alias a -> List.of(a.target());
            case TypeDefKind.Own o -> List.of(Type.of(o.resource()));
            case TypeDefKind.Borrow b -> List.of(Type.of(b.resource()));
            case TypeDefKind.Tuple t -> t.types();
            case TypeDefKind.List l -> List.of(l.element());
            case TypeDefKind.FixedSizeList l -> List.of(l.element());
            case TypeDefKind.Option o -> List.of(o.type());
            case TypeDefKind.Map m -> List.of(m.key(), m.value());
            case TypeDefKind.Future f -> f.payload().stream().toList();
            case TypeDefKind.Stream s -> s.element().stream().toList();
            case TypeDefKind.Result r -> java.util.stream.Stream.concat(r.ok().stream(), r.err().stream()).toList();
            case TypeDefKind.Record r -> r.fields().stream().map(TypeDefKind.Field::type).toList();
            case TypeDefKind.Variant v -> v.cases().stream().flatMap(c -> c.type().stream()).toList();
            case TypeDefKind.Resource r -> List.of();
            case TypeDefKind.Flags f -> List.of();
            case TypeDefKind.Enum e -> List.of();
            case TypeDefKind.Unknown u -> List.of();
        };
    }
}
