package dev.jwc.wasi;

import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.ValueType;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import java.util.Map;
import java.util.Optional;

/** Converts WIT types of the bundled WASI packages into runtime types, resources mapped to host identities. */
final class WitValueTypes {
    private final Resolve resolve;
    private final Map<TypeId, ResourceType> resources;

    WitValueTypes(Resolve resolve, Map<TypeId, ResourceType> resources) {
        this.resolve = resolve;
        this.resources = resources;
    }

    FuncType funcType(Function f) {
        return new FuncType(f.params().stream().map(p -> new FuncType.Param(p.name(), of(p.type()))).toList(),
                f.result().map(this::of));
    }

    /** The resource a type id names after following {@code use} aliases. */
    TypeId resourceId(TypeId id) {
        TypeId current = id;
        while (resolve.get(current).kind() instanceof TypeDefKind.Alias(Type.Ref(TypeId target))) {
            current = target;
        }
        return current;
    }

    /** The host identity of the resource {@code id} names, if it names one. */
    Optional<ResourceType> hostResource(TypeId id) {
        return Optional.ofNullable(resources.get(resourceId(id)));
    }

    ValueType of(Type type) {
        return switch (type) {
            case Type.Primitive p -> ValueType.Primitive.valueOf(p.name());
            case Type.Ref(TypeId id) -> of(id);
        };
    }

    private ValueType of(TypeId id) {
        return switch (resolve.get(id).kind()) {
            case TypeDefKind.Record r -> new ValueType.RecordType(
                    r.fields().stream().map(f -> new ValueType.Field(f.name(), of(f.type()))).toList());
            case TypeDefKind.Resource r -> throw new IllegalArgumentException("bare resource type " + id);
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
            case TypeDefKind.FixedSizeList l -> new ValueType.FixedListType(of(l.element()), (int) l.size());
            case TypeDefKind.Map m -> new ValueType.MapType(of(m.key()), of(m.value()));
            case TypeDefKind.Future f -> new ValueType.FutureType(f.payload().map(this::of));
            case TypeDefKind.Stream s -> new ValueType.StreamType(s.element().map(this::of));
            case TypeDefKind.Alias a -> of(a.target());
            case TypeDefKind.Unknown u -> throw new IllegalStateException("unresolved WIT type " + id);
        };
    }

    private ResourceType resource(TypeId id) {
        return Optional.ofNullable(resources.get(resourceId(id)))
                .orElseThrow(() -> new IllegalStateException("no host resource for WIT type " + id));
    }
}
