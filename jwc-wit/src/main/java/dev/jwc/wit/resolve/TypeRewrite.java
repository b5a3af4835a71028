package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import java.util.function.UnaryOperator;

/**
 * Rebuilds kinds and functions with their type references rewritten: {@code direct} for ids that name a type
 * itself (alias targets, handle resources, function owners), {@code nested} for types used as values.
 */
final class TypeRewrite {
    private TypeRewrite() {}

    static TypeDefKind kind(TypeDefKind kind, UnaryOperator<TypeId> direct, UnaryOperator<Type> nested) {
        return switch (kind) {
            case TypeDefKind.Alias a -> a.target() instanceof Type.Ref(TypeId id)
                    ? new TypeDefKind.Alias(Type.of(direct.apply(id))) : a;
            case TypeDefKind.Own o -> new TypeDefKind.Own(direct.apply(o.resource()));
            case TypeDefKind.Borrow b -> new TypeDefKind.Borrow(direct.apply(b.resource()));
            case TypeDefKind.Record r -> new TypeDefKind.Record(r.fields().stream()
                    .map(f -> new TypeDefKind.Field(f.name(), nested.apply(f.type()), f.docs())).toList());
            case TypeDefKind.Tuple t -> new TypeDefKind.Tuple(t.types().stream().map(nested).toList());
            case TypeDefKind.Variant v -> new TypeDefKind.Variant(v.cases().stream()
                    .map(c -> new TypeDefKind.Case(c.name(), c.type().map(nested), c.docs())).toList());
            case TypeDefKind.Option o -> new TypeDefKind.Option(nested.apply(o.type()));
            case TypeDefKind.List l -> new TypeDefKind.List(nested.apply(l.element()));
            case TypeDefKind.FixedSizeList l -> new TypeDefKind.FixedSizeList(nested.apply(l.element()), l.size());
            case TypeDefKind.Map m -> new TypeDefKind.Map(nested.apply(m.key()), nested.apply(m.value()));
            case TypeDefKind.Result r -> new TypeDefKind.Result(r.ok().map(nested), r.err().map(nested));
            case TypeDefKind.Future f -> new TypeDefKind.Future(f.payload().map(nested));
            case TypeDefKind.Stream s -> new TypeDefKind.Stream(s.element().map(nested));
            case TypeDefKind.Resource r -> r;
            case TypeDefKind.Flags f -> f;
            case TypeDefKind.Enum e -> e;
            case TypeDefKind.Unknown u -> u;
        };
    }

    static Function function(Function f, UnaryOperator<TypeId> direct, UnaryOperator<Type> nested) {
        FunctionKind kind = switch (f.kind()) {
            case FunctionKind.Freestanding free -> free;
            case FunctionKind.Method m -> new FunctionKind.Method(direct.apply(m.resource()), m.isAsync());
            case FunctionKind.Static s -> new FunctionKind.Static(direct.apply(s.resource()), s.isAsync());
            case FunctionKind.Constructor c -> new FunctionKind.Constructor(direct.apply(c.resource()));
        };
        return new Function(f.name(), kind,
                f.params().stream().map(p -> new Param(p.name(), nested.apply(p.type()))).toList(),
                f.result().map(nested), f.docs(), f.stability());
    }

    static Function renamed(Function f, String name) {
        return new Function(name, f.kind(), f.params(), f.result(), f.docs(), f.stability());
    }
}
