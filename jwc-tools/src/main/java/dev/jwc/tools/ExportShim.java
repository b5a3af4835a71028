package dev.jwc.tools;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.Instance;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The component through which an exported interface gets its names. It imports every named type its functions
 * and types need ({@code import-type-<name>}: a fresh resource, or equal to a structural definition; a type
 * the interface merely {@code use}s is the type it names) and every
 * lifted function ({@code import-func-<name>}, typed over the imported types), then exports the interface's
 * types and its functions, the latter ascribed types over the exported types. Instantiating it with the
 * outer component's types and lifted functions yields the exported instance.
 */
final class ExportShim {
    private final Resolve resolve;
    private final InterfaceId exported;
    private final TypeEncoder outer;
    private final ComponentBuilder shim = new ComponentBuilder();
    private final TypeEncoder inner;
    private final Set<String> names = new HashSet<>();
    private final List<Instance.Arg> args = new ArrayList<>();

    private ExportShim(Resolve resolve, InterfaceId exported, TypeEncoder outer) {
        this.resolve = resolve;
        this.exported = exported;
        this.outer = outer;
        this.inner = new TypeEncoder(resolve, shim, this::importType);
    }

    /**
     * Instantiates the shim of {@code iface} in {@code out}, whose types {@code outer} encodes and whose lifted
     * functions {@code lifted} holds by function name; returns the instance.
     */
    static int instantiate(ComponentBuilder out, Resolve resolve, InterfaceId exported, TypeEncoder outer,
                           Map<String, Integer> lifted) {
        ExportShim s = new ExportShim(resolve, exported, outer);
        Component component = s.build(resolve.get(exported), lifted);
        int index = out.component(component);
        return out.instance(new Instance.Instantiate(index, s.args));
    }

    private Component build(Interface iface, Map<String, Integer> lifted) {
        iface.types().values().forEach(inner::index);
        List<Integer> imported = new ArrayList<>();
        for (Function f : iface.functions().values()) {
            String name = unique(importName(f));
            imported.add(shim.importing(new Import(ExternName.of(name), new ExternType.Func(inner.funcType(f)))));
            args.add(new Instance.Arg(name, ComponentSort.FUNC, lifted.get(f.name())));
        }
        TypeEncoder ascribed = new TypeEncoder(resolve, shim,
                (id, def) -> inner.indexOf(id).map(OptionalInt::of).orElse(OptionalInt.empty()));
        iface.types().forEach((name, id) -> ascribed.known(id, shim.export(new Export(ExternName.of(name),
                ComponentSort.TYPE, inner.index(id), Optional.empty()))));
        int n = 0;
        for (Function f : iface.functions().values()) {
            ExternType.Func type = new ExternType.Func(ascribed.funcType(f));
            shim.export(new Export(ExternName.of(f.name()), ComponentSort.FUNC, imported.get(n++), Optional.of(type)));
        }
        return shim.build();
    }

    /** A named type the shim imports: a resource as a fresh one, anything else equal to its structure. */
    private OptionalInt importType(TypeId id, TypeDef def) {
        ExternType.TypeBound bound;
        switch (def.kind()) {
            case TypeDefKind.Resource r -> bound = new ExternType.TypeBound.SubResource();
            case TypeDefKind.Alias(Type.Ref(TypeId target)) -> {
                if (def.owner().equals(new TypeOwner.InInterface(exported))) {
                    return OptionalInt.empty();
                }
                bound = new ExternType.TypeBound.Eq(inner.index(target));
            }
            case TypeDefKind.Alias(Type.Primitive p) -> bound = new ExternType.TypeBound.Eq(
                    shim.type(TypeEncoder.primitive(p)));
            default -> bound = new ExternType.TypeBound.Eq(inner.structural(id));
        }
        String name = unique("import-type-" + def.name().orElseThrow());
        int index = shim.importing(new Import(ExternName.of(name), new ExternType.Type(bound)));
        args.add(new Instance.Arg(name, ComponentSort.TYPE, outer.index(id)));
        return OptionalInt.of(index);
    }

    private static String importName(Function f) {
        String name = f.name();
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            return "import-" + name.substring(1, close) + "-" + name.substring(close + 1).replace('.', '-');
        }
        return "import-func-" + name;
    }

    private String unique(String name) {
        String candidate = name;
        for (int n = 1; !names.add(candidate); n++) {
            candidate = name + n;
        }
        return candidate;
    }
}
