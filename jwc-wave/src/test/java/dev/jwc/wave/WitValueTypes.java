package dev.jwc.wave;

import dev.jwc.types.ResourceType;
import dev.jwc.types.ValueType;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;

import java.util.HashMap;
import java.util.Map;

/** Test helper: converts WIT types of a {@link Resolve} to {@link ValueType}s. */
final class WitValueTypes {
    private final Resolve resolve;
    private final Map<TypeId, ResourceType> resources = new HashMap<>();

    WitValueTypes(Resolve resolve) {
        this.resolve = resolve;
    }

    ValueType of(Type type) {
        return switch (type) {
            case Type.Primitive p -> ValueType.Primitive.valueOf(p.name());
            case Type.Ref ref -> of(ref.id());
        };
    }

    private ValueType of(TypeId id) {
        return switch (resolve.get(id).kind()) {
            case TypeDefKind.Record r -> new ValueType.RecordType(r.fields().stream()
                    .map(f -> new ValueType.Field(f.name(), of(f.type()))).toList());
            case TypeDefKind.Resource r -> new ValueType.Own(resource(id));
            case TypeDefKind.Own o -> new ValueType.Own(resource(o.resource()));
            case TypeDefKind.Borrow b -> new ValueType.Borrow(resource(b.resource()));
            case TypeDefKind.Flags f -> new ValueType.FlagsType(f.flags().stream().map(TypeDefKind.Flag::name).toList());
            case TypeDefKind.Tuple t -> new ValueType.TupleType(t.types().stream().map(this::of).toList());
            case TypeDefKind.Variant v -> new ValueType.VariantType(v.cases().stream()
                    .map(c -> new ValueType.Case(c.name(), c.type().map(this::of))).toList());
            case TypeDefKind.Enum e -> new ValueType.EnumType(e.cases().stream().map(TypeDefKind.EnumCase::name).toList());
            case TypeDefKind.Option o -> new ValueType.OptionType(of(o.type()));
            case TypeDefKind.Result r -> new ValueType.ResultType(r.ok().map(this::of), r.err().map(this::of));
            case TypeDefKind.List l -> new ValueType.ListType(of(l.element()));
            case TypeDefKind.FixedSizeList l -> new ValueType.FixedListType(of(l.element()), Math.toIntExact(l.size()));
            case TypeDefKind.Map m -> new ValueType.MapType(of(m.key()), of(m.value()));
            case TypeDefKind.Future f -> new ValueType.FutureType(f.payload().map(this::of));
            case TypeDefKind.Stream s -> new ValueType.StreamType(s.element().map(this::of));
            case TypeDefKind.Alias a -> of(a.target());
            case TypeDefKind.Unknown u -> throw new IllegalStateException("unresolved type " + id);
        };
    }

    private ResourceType resource(TypeId id) {
        TypeId target = id;
        while (resolve.get(target).kind() instanceof TypeDefKind.Alias(Type.Ref(TypeId next))) {
            target = next;
        }
        TypeId key = target;
        return resources.computeIfAbsent(key,
                k -> new ResourceType(resolve.get(k).name().orElse("resource")));
    }
}
