package dev.jwc.tools;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.ValType;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Function types of exported interfaces in the component's own scope, where core exports are lifted: types of
 * imported interfaces are aliased from their instance, everything else is defined structurally.
 */
final class OuterTypes {
    private final Resolve resolve;
    private final ComponentBuilder out;
    private final Map<String, Integer> importedInstances;
    private final Map<TypeId, Integer> defined = new HashMap<>();

    OuterTypes(Resolve resolve, ComponentBuilder out, Map<String, Integer> importedInstances) {
        this.resolve = resolve;
        this.out = out;
        this.importedInstances = importedInstances;
    }

    int funcType(Function f) {
        List<FuncType.Param> params = new ArrayList<>();
        f.params().forEach(p -> params.add(new FuncType.Param(p.name(), valType(p.type(), 0))));
        Optional<ValType> result = f.result().map(t -> valType(t, 0));
        return out.type(new FuncType(f.kind().isAsync(), params, result));
    }

    private ValType valType(Type type, int depth) {
        if (depth > 1000) {
            throw new ToolsException("type nesting deeper than 1000 levels");
        }
        return switch (type) {
            case Type.Primitive p -> primitive(p);
            case Type.Ref(TypeId id) -> {
                Integer known = defined.get(id);
                if (known == null) {
                    known = define(id, depth + 1);
                    defined.put(id, known);
                }
                yield new ValType.Ref(known);
            }
        };
    }

    private int define(TypeId id, int depth) {
        TypeDef def = resolve.get(id);
        if (def.name().isPresent() && def.owner() instanceof TypeOwner.InInterface(InterfaceId owner)) {
            Integer instance = resolve.qualifiedName(owner).map(importedInstances::get).orElse(null);
            if (instance != null) {
                return out.alias(new Alias.InstanceExport(ComponentSort.TYPE, instance, def.name().get()));
            }
        }
        DefinedType body = switch (def.kind()) {
            case TypeDefKind.Alias(Type target) -> {
                ValType v = valType(target, depth);
                yield v instanceof PrimitiveType p ? p : null;
            }
            case TypeDefKind.Record r -> new DefinedType.Record(r.fields().stream()
                    .map(f -> new DefinedType.Field(f.name(), valType(f.type(), depth))).toList());
            case TypeDefKind.Variant v -> new DefinedType.Variant(v.cases().stream()
                    .map(c -> new DefinedType.Case(c.name(), c.type().map(t -> valType(t, depth)))).toList());
            case TypeDefKind.Enum e -> new DefinedType.Enum(e.cases().stream().map(TypeDefKind.EnumCase::name).toList());
            case TypeDefKind.Flags f -> new DefinedType.Flags(f.flags().stream().map(TypeDefKind.Flag::name).toList());
            case TypeDefKind.Tuple t -> new DefinedType.Tuple(t.types().stream().map(e -> valType(e, depth)).toList());
            case TypeDefKind.List l -> new DefinedType.ListOf(valType(l.element(), depth));
            case TypeDefKind.FixedSizeList l -> new DefinedType.FixedList(valType(l.element(), depth), (int) l.size());
            case TypeDefKind.Map m -> new DefinedType.MapOf(valType(m.key(), depth), valType(m.value(), depth));
            case TypeDefKind.Option o -> new DefinedType.Option(valType(o.type(), depth));
            case TypeDefKind.Result r -> new DefinedType.Result(r.ok().map(t -> valType(t, depth)),
                    r.err().map(t -> valType(t, depth)));
            case TypeDefKind.Future f -> new DefinedType.Future(f.payload().map(t -> valType(t, depth)));
            case TypeDefKind.Stream s -> new DefinedType.Stream(s.element().map(t -> valType(t, depth)));
            case TypeDefKind.Resource r -> throw unsupported(def);
            case TypeDefKind.Own o -> throw unsupported(def);
            case TypeDefKind.Borrow b -> throw unsupported(def);
            case TypeDefKind.Unknown u -> throw new ToolsException("an unresolved type cannot be lifted");
        };
        if (body == null) {
            return ((ValType.Ref) valType(((TypeDefKind.Alias) def.kind()).target(), depth)).index();
        }
        return out.type(body);
    }

    private static ToolsException unsupported(TypeDef def) {
        return new ToolsException("resources in exported interfaces are not supported yet" + def.name()
                .map(n -> " (`" + n + "`)").orElse(""));
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
