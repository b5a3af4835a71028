package dev.jwc.runtime.internal;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.InstanceType;
import dev.jwc.runtime.LinkException;
import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.ValueType;
import java.util.stream.Collectors;

/**
 * Checks that what is supplied for an import has the imported type, as Wasmtime does at link time:
 * functions by their parameter and result types, instances export by export (recursively). Resources an
 * instance type declares abstractly are bound to the ones the supplied instance exports, so that function
 * types mentioning them compare exactly. Failures name the import path, e.g. {@code x#inner#f}.
 */
final class ImportCheck {
    private ImportCheck() {
    }

    static void check(Spaces sp, String path, ExternType expected, Item actual) {
        switch (expected) {
            case ExternType.Func f when sp.type(f.type()) instanceof FuncType ft -> func(path, ft, actual);
            case ExternType.Instance i when sp.type(i.type()) instanceof InstanceType it -> instance(sp, path, it, actual);
            default -> {
                // Modules, components, values and types are not checked beyond their sort.
            }
        }
    }

    private static void func(String path, FuncType expected, Item actual) {
        if (!(actual instanceof Item.Func f)) {
            throw new LinkException("import `" + path + "`: expected a function, found " + Spaces.describe(actual));
        }
        FuncType found = f.func().type();
        if (!expected.paramTypes().equals(found.paramTypes()) || !expected.result().equals(found.result())) {
            throw new LinkException("import `" + path + "` has the wrong type: expected " + describe(expected)
                    + ", found " + describe(found));
        }
    }

    private static void instance(Spaces outer, String path, InstanceType type, Item actual) {
        if (!(actual instanceof Item.Instance inst)) {
            throw new LinkException("import `" + path + "`: expected an instance, found " + Spaces.describe(actual));
        }
        Spaces local = new Spaces(outer);
        TypeConverter types = new TypeConverter(local);
        for (InstanceDecl decl : type.decls()) {
            switch (decl) {
                case InstanceDecl.CoreTypeDecl c -> {
                    // Core types only serve module exports, which are not checked.
                    return;
                }
                case InstanceDecl.TypeDecl t -> {
                    switch (t.type()) {
                        case DefinedType d -> local.add(ComponentSort.TYPE, types.defined(d));
                        case dev.jwc.binary.component.FuncType f -> local.add(ComponentSort.TYPE, types.func(f));
                        case InstanceType nested -> local.add(ComponentSort.TYPE, nested);
                        default -> {
                            // A declaration we do not model (component or resource type): stop checking here.
                            return;
                        }
                    }
                }
                case InstanceDecl.AliasDecl a -> {
                    if (!(a.alias() instanceof Alias.Outer o)) {
                        return;
                    }
                    local.add(o.sort(), local.enclosing(o.count()).get(o.sort(), o.index()));
                }
                case InstanceDecl.ExportDecl e -> {
                    String name = e.name().name();
                    String at = path + "#" + name;
                    Item item = inst.exports().get(name);
                    if (item == null) {
                        throw new LinkException("import `" + path + "`: instance export `" + name + "` is missing");
                    }
                    switch (e.type()) {
                        case ExternType.Type t -> {
                            Object bound = t.bound() instanceof ExternType.TypeBound.Eq eq
                                    ? local.type(eq.type()) : ((Item.Type) typeItem(at, item)).type();
                            if (t.bound() instanceof ExternType.TypeBound.SubResource && !(bound instanceof ResourceType)) {
                                throw new LinkException("import `" + at + "`: expected a resource type");
                            }
                            local.add(ComponentSort.TYPE, bound);
                        }
                        case ExternType.Func f when local.type(f.type()) instanceof FuncType ft -> func(at, ft, item);
                        case ExternType.Instance i when local.type(i.type()) instanceof InstanceType it ->
                                instance(local, at, it, item);
                        default -> {
                        }
                    }
                    if (!(e.type() instanceof ExternType.Type)) {
                        local.addItem(e.type().sort(), item);
                    }
                }
            }
        }
    }

    private static Item typeItem(String path, Item item) {
        if (!(item instanceof Item.Type)) {
            throw new LinkException("import `" + path + "`: expected a type, found " + Spaces.describe(item));
        }
        return item;
    }

    /** A function type in WIT-like syntax for messages. */
    static String describe(FuncType f) {
        String params = f.params().stream().map(p -> p.name() + ": " + describe(p.type())).collect(Collectors.joining(", "));
        return "func(" + params + ")" + f.result().map(r -> " -> " + describe(r)).orElse("");
    }

    static String describe(ValueType t) {
        return switch (t) {
            case ValueType.Primitive p -> p.witName();
            case ValueType.ListType l -> "list<" + describe(l.element()) + ">";
            case ValueType.FixedListType l -> "list<" + describe(l.element()) + ", " + l.length() + ">";
            case ValueType.RecordType r -> r.fields().stream().map(f -> f.name() + ": " + describe(f.type()))
                    .collect(Collectors.joining(", ", "record { ", " }"));
            case ValueType.TupleType tu -> tu.types().stream().map(ImportCheck::describe)
                    .collect(Collectors.joining(", ", "tuple<", ">"));
            case ValueType.VariantType v -> v.cases().stream()
                    .map(c -> c.name() + c.type().map(x -> "(" + describe(x) + ")").orElse(""))
                    .collect(Collectors.joining(", ", "variant { ", " }"));
            case ValueType.EnumType e -> String.join(", ", e.names()).transform(s -> "enum { " + s + " }");
            case ValueType.OptionType o -> "option<" + describe(o.type()) + ">";
            case ValueType.ResultType r -> "result<" + r.ok().map(ImportCheck::describe).orElse("_")
                    + r.error().map(e -> ", " + describe(e)).orElse("") + ">";
            case ValueType.FlagsType f -> String.join(", ", f.names()).transform(s -> "flags { " + s + " }");
            case ValueType.Own o -> "own<" + o.resource().name() + ">";
            case ValueType.Borrow b -> "borrow<" + b.resource().name() + ">";
            case ValueType.FutureType f -> f.element().map(x -> "future<" + describe(x) + ">").orElse("future");
            case ValueType.StreamType s -> s.element().map(x -> "stream<" + describe(x) + ">").orElse("stream");
            case ValueType.MapType m -> "map<" + describe(m.key()) + ", " + describe(m.value()) + ">";
        };
    }
}
