package dev.jwc.tools;

import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.ValType;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * WIT types as component type definitions of one scope. A named type is first offered to the scope's
 * {@link Named} policy (which may import or alias it); what the policy leaves is defined structurally. Each
 * type is encoded once.
 */
final class TypeEncoder {
    /** How a scope provides named types: an index, or empty to define the type structurally. */
    @FunctionalInterface
    interface Named {
        OptionalInt index(TypeId id, TypeDef def);
    }

    private static final int MAX_DEPTH = 1000;

    private final Resolve resolve;
    private final ComponentBuilder out;
    private final Named named;
    private final Map<TypeId, Integer> encoded = new HashMap<>();
    private int depth;

    TypeEncoder(Resolve resolve, ComponentBuilder out, Named named) {
        this.resolve = resolve;
        this.out = out;
        this.named = named;
    }

    /** Makes {@code id} known as type {@code index} of this scope (an imported or exported type, a resource). */
    void known(TypeId id, int index) {
        encoded.put(id, index);
    }

    /** The index {@code id} already has in this scope. */
    Optional<Integer> indexOf(TypeId id) {
        return Optional.ofNullable(encoded.get(id));
    }

    int funcType(Function f) {
        List<FuncType.Param> params = new ArrayList<>();
        f.params().forEach(p -> params.add(new FuncType.Param(p.name(), valType(p.type()))));
        Optional<ValType> result = f.result().map(this::valType);
        return out.type(new FuncType(f.kind().isAsync(), params, result));
    }

    /** The type index of {@code id}, encoding it (and what it refers to) first when needed. */
    int index(TypeId id) {
        return ((ValType.Ref) valType(new Type.Ref(id))).index();
    }

    /**
     * {@code type} in this scope. The nesting is counted across calls, also those that come back through the
     * {@link Named} policy, so that deep type graphs of untrusted input fail with an error, not a stack overflow.
     */
    ValType valType(Type type) {
        if (depth >= MAX_DEPTH) {
            throw new ToolsException("type nesting deeper than " + MAX_DEPTH + " levels");
        }
        depth++;
        try {
            return switch (type) {
                case Type.Primitive p -> primitive(p);
                case Type.Ref(TypeId id) -> {
                    Integer known = encoded.get(id);
                    if (known == null) {
                        TypeDef def = resolve.get(id);
                        OptionalInt provided = def.name().isPresent() ? named.index(id, def) : OptionalInt.empty();
                        known = provided.isPresent() ? provided.getAsInt() : structural(id);
                        encoded.put(id, known);
                    }
                    yield new ValType.Ref(known);
                }
            };
        } finally {
            depth--;
        }
    }

    /** Defines {@code id} by its structure; an alias of a named type is that type's index. */
    int structural(TypeId id) {
        TypeDef def = resolve.get(id);
        if (def.kind() instanceof TypeDefKind.Alias(Type target)) {
            ValType v = valType(target);
            return v instanceof ValType.Ref(int index) ? index : out.type((PrimitiveType) v);
        }
        DefinedType body = switch (def.kind()) {
            case TypeDefKind.Alias a -> throw new IllegalStateException("aliases are handled above");
            case TypeDefKind.Record r -> new DefinedType.Record(r.fields().stream()
                    .map(f -> new DefinedType.Field(f.name(), valType(f.type()))).toList());
            case TypeDefKind.Variant v -> new DefinedType.Variant(v.cases().stream()
                    .map(c -> new DefinedType.Case(c.name(), c.type().map(this::valType))).toList());
            case TypeDefKind.Enum e -> new DefinedType.Enum(e.cases().stream().map(TypeDefKind.EnumCase::name).toList());
            case TypeDefKind.Flags f -> new DefinedType.Flags(f.flags().stream().map(TypeDefKind.Flag::name).toList());
            case TypeDefKind.Tuple t -> new DefinedType.Tuple(t.types().stream().map(this::valType).toList());
            case TypeDefKind.List l -> new DefinedType.ListOf(valType(l.element()));
            case TypeDefKind.FixedSizeList l -> new DefinedType.FixedList(valType(l.element()), (int) l.size());
            case TypeDefKind.Map m -> new DefinedType.MapOf(valType(m.key()), valType(m.value()));
            case TypeDefKind.Option o -> new DefinedType.Option(valType(o.type()));
            case TypeDefKind.Result r -> new DefinedType.Result(r.ok().map(this::valType),
                    r.err().map(this::valType));
            case TypeDefKind.Future f -> new DefinedType.Future(f.payload().map(this::valType));
            case TypeDefKind.Stream s -> new DefinedType.Stream(s.element().map(this::valType));
            case TypeDefKind.Own o -> new DefinedType.Own(index(o.resource()));
            case TypeDefKind.Borrow b -> new DefinedType.Borrow(index(b.resource()));
            case TypeDefKind.Resource r -> throw new ToolsException("resource `" + def.name().orElse("?")
                    + "` has no definition in this scope");
            case TypeDefKind.Unknown u -> throw new ToolsException("an unresolved type cannot be encoded");
        };
        return out.type(body);
    }

    static PrimitiveType primitive(Type.Primitive p) {
        for (PrimitiveType t : PrimitiveType.values()) {
            if (t.keyword().equals(p.witName())) {
                return t;
            }
        }
        throw new ToolsException("no component type for " + p.witName());
    }
}
