package dev.jwc.runtime.internal;

import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.ValType;
import dev.jwc.runtime.LinkException;
import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.ValueType;
import java.util.Optional;

/** Converts the binary model's value and function types into resolved {@code dev.jwc.types}. */
final class TypeConverter {
    private final Spaces spaces;

    TypeConverter(Spaces spaces) {
        this.spaces = spaces;
    }

    ValueType valType(ValType t) {
        return switch (t) {
            case PrimitiveType p -> primitive(p);
            case ValType.Ref r -> {
                Object o = spaces.type(r.index());
                if (!(o instanceof ValueType v)) {
                    throw new LinkException("type index " + r.index() + " is not a defined value type");
                }
                yield v;
            }
        };
    }

    private Optional<ValueType> valType(Optional<ValType> t) {
        return t.map(this::valType);
    }

    static ValueType.Primitive primitive(PrimitiveType p) {
        return ValueType.Primitive.valueOf(p.name());
    }

    ValueType defined(DefinedType d) {
        return switch (d) {
            case PrimitiveType p -> primitive(p);
            case DefinedType.Record r -> new ValueType.RecordType(r.fields().stream()
                    .map(f -> new ValueType.Field(f.name(), valType(f.type()))).toList());
            case DefinedType.Variant v -> new ValueType.VariantType(v.cases().stream()
                    .map(c -> new ValueType.Case(c.name(), valType(c.type()))).toList());
            case DefinedType.ListOf l -> new ValueType.ListType(valType(l.element()));
            case DefinedType.FixedList l -> new ValueType.FixedListType(valType(l.element()), l.length());
            case DefinedType.Tuple t -> new ValueType.TupleType(t.types().stream().map(this::valType).toList());
            case DefinedType.Flags f -> new ValueType.FlagsType(f.names());
            case DefinedType.Enum e -> new ValueType.EnumType(e.names());
            case DefinedType.Option o -> new ValueType.OptionType(valType(o.type()));
            case DefinedType.Result r -> new ValueType.ResultType(valType(r.ok()), valType(r.error()));
            case DefinedType.Own o -> new ValueType.Own(resource(o.resource()));
            case DefinedType.Borrow b -> new ValueType.Borrow(resource(b.resource()));
            case DefinedType.Stream s -> new ValueType.StreamType(valType(s.element()));
            case DefinedType.Future f -> new ValueType.FutureType(valType(f.element()));
            case DefinedType.MapOf m -> new ValueType.MapType(valType(m.key()), valType(m.value()));
        };
    }

    FuncType func(dev.jwc.binary.component.FuncType f) {
        return new FuncType(f.async(), f.params().stream()
                .map(p -> new FuncType.Param(p.name(), valType(p.type()))).toList(), valType(f.result()));
    }

    ResourceType resource(int index) {
        Object o = spaces.type(index);
        if (!(o instanceof ResourceType r)) {
            throw new LinkException("type index " + index + " is not a resource type");
        }
        return r;
    }
}
