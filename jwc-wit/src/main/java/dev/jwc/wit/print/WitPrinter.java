package dev.jwc.wit.print;

import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import dev.jwc.wit.syntax.StringLiterals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints packages of a {@link Resolve} as canonical WIT text, in the layout of wasm-tools' {@code WitPrinter}
 * (what {@code wasm-tools component wit} prints): the first package with a {@code package ns:name;} header, any
 * further ones as nested {@code package ns:name { ... }} blocks; types another interface owns are brought in
 * with {@code use}; keywords used as names are escaped with {@code %}; docs become {@code ///} comments and
 * stability becomes {@code @since}, {@code @unstable} and {@code @deprecated} gates.
 *
 * <p>Parsing and resolving the printed text gives the printed model back.
 */
public final class WitPrinter {
    private final Resolve resolve;
    private final Output out = new Output();
    /** Whether the current block already has an item, so that the next declaration is set off by a blank line. */
    private boolean anyItems;

    private WitPrinter(Resolve resolve) {
        this.resolve = resolve;
    }

    /** Prints one package with a {@code package ns:name;} header. */
    public static String print(Resolve resolve, PackageId pkg) {
        return print(resolve, pkg, List.of());
    }

    /**
     * Prints {@code main} with a {@code package ns:name;} header, followed by each of {@code nested} as a
     * {@code package ns:name { ... }} block.
     *
     * @throws IllegalArgumentException if the model holds something WIT cannot express, such as an anonymous
     *                                  record or a type of unknown structure
     */
    public static String print(Resolve resolve, PackageId main, List<PackageId> nested) {
        var printer = new WitPrinter(resolve);
        printer.mainPackage(main);
        for (int i = 0; i < nested.size(); i++) {
            if (i > 0) {
                printer.out.blank();
                printer.out.blank();
            }
            printer.nestedPackage(nested.get(i));
        }
        return printer.out.toString();
    }

    /** How {@code type} is written where it is used: a primitive, a type's name, or an anonymous type's structure. */
    public static String typeName(Resolve resolve, Type type) {
        return new WitPrinter(resolve).typeName(type);
    }

    /** The signature of {@code f} as an interface writes it: {@code func(a: u32) -> string}, {@code constructor(...)}. */
    public static String signature(Resolve resolve, Function f) {
        return new WitPrinter(resolve).signature(f);
    }

    /**
     * The declaration of the named type {@code id} ({@code record r { ... }}, {@code type t = ...;}, a resource with
     * {@code functions} as its methods), one or more lines each ending with a newline.
     */
    public static String declaration(Resolve resolve, TypeId id, List<Function> functions) {
        var printer = new WitPrinter(resolve);
        printer.declare(id, resolve.get(id), functions);
        return printer.out.toString();
    }

    private void mainPackage(PackageId id) {
        WitPackage pkg = resolve.get(id);
        docs(pkg.docs());
        out.line("package " + packageName(pkg.name()) + ";");
        out.blank();
        pkg.interfaces().forEach((name, iface) -> {
            namedInterface(name, iface);
            out.blank();
        });
        pkg.worlds().forEach(this::world);
    }

    private void nestedPackage(PackageId id) {
        WitPackage pkg = resolve.get(id);
        docs(pkg.docs());
        out.line("package " + packageName(pkg.name()) + " {");
        out.indent();
        pkg.interfaces().forEach(this::namedInterface);
        pkg.worlds().forEach(this::world);
        out.dedent();
        out.line("}");
    }

    private void namedInterface(String name, InterfaceId id) {
        Interface iface = resolve.get(id);
        docs(iface.docs());
        stability(iface.stability());
        out.line("interface " + WitNames.escape(name) + " {");
        interfaceBody(id);
        out.line("}");
    }

    private void interfaceBody(InterfaceId id) {
        boolean outerItems = anyItems;
        anyItems = false;
        out.indent();
        Interface iface = resolve.get(id);
        var resourceFunctions = resourceFunctions(iface.functions().values());
        types(new TypeOwner.InInterface(id), iface.types(), resourceFunctions);
        for (Function f : iface.functions().values()) {
            if (f.kind() instanceof FunctionKind.Freestanding) {
                newItem();
                docs(f.docs());
                stability(f.stability());
                externalId(f.externalId());
                out.line(WitNames.escape(f.name()) + ": " + signature(f) + ";");
            }
        }
        out.dedent();
        anyItems = outerItems;
    }

    private void world(String name, WorldId id) {
        World world = resolve.get(id);
        docs(world.docs());
        stability(world.stability());
        out.line("world " + WitNames.escape(name) + " {");
        out.indent();
        boolean outerItems = anyItems;
        anyItems = false;
        PackageId pkg = world.pkg().orElseThrow(() -> unprintable("world `" + name + "` has no package"));
        var owner = new TypeOwner.InWorld(id);
        var resourceFunctions = resourceFunctions(world.imports().values().stream()
                .<Function>mapMulti((item, sink) -> {
                    if (item instanceof WorldItem.FunctionItem(Function f)) {
                        sink.accept(f);
                    }
                })
                .toList());
        // Types are printed in runs so that consecutive types from one interface share a `use`.
        var pendingTypes = new LinkedHashMap<String, TypeId>();
        for (var entry : world.imports().entrySet()) {
            switch (entry.getValue()) {
                case WorldItem.TypeItem(TypeId type) -> pendingTypes.put(keyName(entry.getKey()), type);
                case WorldItem.FunctionItem(Function f) when f.kind().owningResource().isPresent() -> { }
                default -> {
                    types(owner, pendingTypes, resourceFunctions);
                    pendingTypes.clear();
                    worldItem("import", entry.getKey(), entry.getValue(), pkg);
                    anyItems = true;
                }
            }
        }
        types(owner, pendingTypes, resourceFunctions);
        if (!world.exports().isEmpty()) {
            newItem();
        }
        world.exports().forEach((key, item) -> worldItem("export", key, item, pkg));
        anyItems = outerItems;
        out.dedent();
        out.line("}");
    }

    private void worldItem(String direction, WorldKey key, WorldItem item, PackageId pkg) {
        switch (key) {
            case WorldKey.Name(String name) -> {
                switch (item) {
                    case WorldItem.InterfaceItem i -> {
                        Interface iface = resolve.get(i.id());
                        docs(iface.name().isEmpty() ? iface.docs() : i.docs());
                        stability(i.stability());
                        externalId(i.externalId());
                        if (iface.name().isPresent()) {
                            out.line(direction + " " + WitNames.escape(name) + ": "
                                    + interfacePath(i.id(), pkg) + ";");
                        } else {
                            out.line(direction + " " + WitNames.escape(name) + ": interface {");
                            interfaceBody(i.id());
                            out.line("}");
                        }
                    }
                    case WorldItem.FunctionItem(Function f) -> {
                        docs(f.docs());
                        stability(f.stability());
                        externalId(f.externalId());
                        out.line(direction + " " + WitNames.escape(name) + ": " + signature(f) + ";");
                    }
                    case WorldItem.TypeItem t -> throw unprintable("a world cannot " + direction + " a type");
                }
            }
            case WorldKey.Iface(InterfaceId id) -> {
                if (!(item instanceof WorldItem.InterfaceItem i) || !i.id().equals(id)) {
                    throw unprintable("world key " + id + " does not name its own interface");
                }
                docs(i.docs());
                stability(i.stability());
                externalId(i.externalId());
                out.line(direction + " " + interfacePath(id, pkg) + ";");
            }
        }
    }

    /** Prints the named types of an interface or world: {@code use} statements, then the declarations. */
    private void types(TypeOwner owner, Map<String, TypeId> types, Map<TypeId, List<Function>> resourceFunctions) {
        record Use(InterfaceId from, Stability stability, Optional<String> externalId, List<String> names) {}
        var uses = new ArrayList<Use>();
        var declared = new ArrayList<TypeId>();
        for (var entry : types.entrySet()) {
            String name = entry.getKey();
            TypeDef type = resolve.get(entry.getValue());
            if (type.kind() instanceof TypeDefKind.Alias(Type.Ref(TypeId target))
                    && resolve.get(target).owner() instanceof TypeOwner.InInterface(InterfaceId from)
                    && !owner.equals(new TypeOwner.InInterface(from))) {
                String targetName = resolve.get(target).name()
                        .orElseThrow(() -> unprintable("`use` of an anonymous type"));
                String item = targetName.equals(name) ? WitNames.escape(name)
                        : WitNames.escape(targetName) + " as " + WitNames.escape(name);
                Use last = uses.isEmpty() ? null : uses.getLast();
                if (last != null && last.from().equals(from) && last.stability().equals(type.stability())
                        && last.externalId().equals(type.externalId())) {
                    last.names().add(item);
                } else {
                    uses.add(new Use(from, type.stability(), type.externalId(), new ArrayList<>(List.of(item))));
                }
            } else {
                declared.add(entry.getValue());
            }
        }
        PackageId pkg = ownerPackage(owner);
        for (Use use : uses) {
            anyItems = true;
            stability(use.stability());
            externalId(use.externalId());
            out.line("use " + interfacePath(use.from(), pkg) + ".{" + String.join(", ", use.names()) + "};");
        }
        for (TypeId id : declared) {
            newItem();
            TypeDef type = resolve.get(id);
            docs(type.docs());
            stability(type.stability());
            externalId(type.externalId());
            declare(id, type, resourceFunctions.getOrDefault(id, List.of()));
        }
    }

    private void declare(TypeId id, TypeDef type, List<Function> functions) {
        String name = WitNames.escape(type.name().orElseThrow(() -> unprintable("declaration of anonymous " + id)));
        switch (type.kind()) {
            case TypeDefKind.Resource r -> resource(name, functions);
            case TypeDefKind.Record r -> block("record " + name, r.fields(),
                    f -> WitNames.escape(f.name()) + ": " + typeName(f.type()) + ",");
            case TypeDefKind.Flags f -> block("flags " + name, f.flags(), flag -> WitNames.escape(flag.name()) + ",");
            case TypeDefKind.Variant v -> block("variant " + name, v.cases(), c -> WitNames.escape(c.name())
                    + c.type().map(t -> "(" + typeName(t) + ")").orElse("") + ",");
            case TypeDefKind.Enum e -> block("enum " + name, e.cases(), c -> WitNames.escape(c.name()) + ",");
            case TypeDefKind.Own o -> out.line("type " + name + " = own<" + resourceName(o.resource()) + ">;");
            case TypeDefKind.Alias a -> out.line("type " + name + " = " + typeName(a.target()) + ";");
            case TypeDefKind.Unknown u -> throw unprintable("type `" + name + "` has unknown structure");
            default -> out.line("type " + name + " = " + anonymousType(type.kind()) + ";");
        }
    }

    private <T extends TypeDefKind.Member> void block(String header, List<T> members,
                                                      java.util.function.Function<T, String> line) {
        out.line(header + " {");
        out.indent();
        for (T member : members) {
            docs(member.docs());
            out.line(line.apply(member));
        }
        out.dedent();
        out.line("}");
    }

    private void resource(String name, List<Function> functions) {
        if (functions.isEmpty()) {
            out.line("resource " + name + ";");
            return;
        }
        out.line("resource " + name + " {");
        out.indent();
        for (Function f : functions) {
            docs(f.docs());
            stability(f.stability());
            externalId(f.externalId());
            String prefix = f.kind() instanceof FunctionKind.Constructor ? "" : WitNames.escape(f.itemName()) + ": ";
            out.line(prefix + signature(f) + ";");
        }
        out.dedent();
        out.line("}");
    }

    /** {@code [static] [async] func(params) [-> result]}, or {@code constructor(params) [-> result]}. */
    private String signature(Function f) {
        var s = new StringBuilder();
        List<Param> params = f.params();
        switch (f.kind()) {
            case FunctionKind.Constructor c -> s.append("constructor");
            case FunctionKind.Static st -> s.append(st.isAsync() ? "static async func" : "static func");
            case FunctionKind.Method m -> {
                s.append(m.isAsync() ? "async func" : "func");
                params = params.isEmpty() ? params : params.subList(1, params.size());
            }
            case FunctionKind.Freestanding fr -> s.append(fr.isAsync() ? "async func" : "func");
        }
        s.append(params.stream().map(p -> WitNames.escape(p.name()) + ": " + typeName(p.type()))
                .collect(Collectors.joining(", ", "(", ")")));
        Optional<Type> result = f.result();
        if (f.kind() instanceof FunctionKind.Constructor c && isOwnOf(result, c.resource())) {
            result = Optional.empty();
        }
        result.ifPresent(t -> s.append(" -> ").append(typeName(t)));
        return s.toString();
    }

    private boolean isOwnOf(Optional<Type> type, TypeId resource) {
        return type.orElse(null) instanceof Type.Ref(TypeId id)
                && resolve.get(id).name().isEmpty()
                && resolve.get(id).kind() instanceof TypeDefKind.Own(TypeId owned)
                && owned.equals(resource);
    }

    /** How a type is written where it is used: a primitive, a type's name, or an anonymous type's structure. */
    private String typeName(Type type) {
        return switch (type) {
            case Type.Primitive p -> p.witName();
            case Type.Ref(TypeId id) -> {
                TypeDef def = resolve.get(id);
                yield def.name().isPresent() ? WitNames.escape(def.name().get()) : anonymousType(def.kind());
            }
        };
    }

    private String anonymousType(TypeDefKind kind) {
        return switch (kind) {
            case TypeDefKind.Own o -> resourceName(o.resource());
            case TypeDefKind.Borrow b -> "borrow<" + resourceName(b.resource()) + ">";
            case TypeDefKind.Tuple t -> t.types().stream().map(this::typeName)
                    .collect(Collectors.joining(", ", "tuple<", ">"));
            case TypeDefKind.Option o -> "option<" + typeName(o.type()) + ">";
            case TypeDefKind.Result r -> result(r);
            case TypeDefKind.List l -> "list<" + typeName(l.element()) + ">";
            case TypeDefKind.FixedSizeList l -> "list<" + typeName(l.element()) + ", " + l.size() + ">";
            case TypeDefKind.Map m -> "map<" + typeName(m.key()) + ", " + typeName(m.value()) + ">";
            case TypeDefKind.Future f -> f.payload().map(t -> "future<" + typeName(t) + ">").orElse("future");
            case TypeDefKind.Stream s -> s.element().map(t -> "stream<" + typeName(t) + ">").orElse("stream");
            case TypeDefKind.Alias a -> typeName(a.target());
            case TypeDefKind.Record r -> throw unprintable("anonymous record");
            case TypeDefKind.Resource r -> throw unprintable("anonymous resource");
            case TypeDefKind.Flags f -> throw unprintable("anonymous flags");
            case TypeDefKind.Variant v -> throw unprintable("anonymous variant");
            case TypeDefKind.Enum e -> throw unprintable("anonymous enum");
            case TypeDefKind.Unknown u -> throw unprintable("type of unknown structure");
        };
    }

    private String result(TypeDefKind.Result r) {
        if (r.ok().isEmpty() && r.err().isEmpty()) {
            return "result";
        }
        if (r.err().isEmpty()) {
            return "result<" + typeName(r.ok().get()) + ">";
        }
        return "result<" + r.ok().map(this::typeName).orElse("_") + ", " + typeName(r.err().get()) + ">";
    }

    private String resourceName(TypeId resource) {
        return WitNames.escape(resolve.get(resource).name()
                .orElseThrow(() -> unprintable("anonymous resource " + resource)));
    }

    /** {@code iface} within package {@code from}, {@code ns:pkg/iface@version} from elsewhere. */
    private String interfacePath(InterfaceId id, PackageId from) {
        Interface iface = resolve.get(id);
        String name = WitNames.escape(iface.name().orElseThrow(() -> unprintable("path to an inline interface")));
        PackageId pkg = iface.pkg().orElseThrow(() -> unprintable("interface `" + name + "` has no package"));
        if (pkg.equals(from)) {
            return name;
        }
        PackageName pn = resolve.get(pkg).name();
        return WitNames.escape(pn.namespace()) + ":" + WitNames.escape(pn.name()) + "/" + name
                + pn.version().map(v -> "@" + v).orElse("");
    }

    private PackageId ownerPackage(TypeOwner owner) {
        Optional<PackageId> pkg = switch (owner) {
            case TypeOwner.InInterface(InterfaceId id) -> resolve.get(id).pkg();
            case TypeOwner.InWorld(WorldId id) -> resolve.get(id).pkg();
            case TypeOwner.NoOwner none -> Optional.empty();
        };
        return pkg.orElseThrow(() -> unprintable("types owned by " + owner + " have no package"));
    }

    private static String packageName(PackageName name) {
        return WitNames.escape(name.namespace()) + ":" + WitNames.escape(name.name())
                + name.version().map(v -> "@" + v).orElse("");
    }

    private static String keyName(WorldKey key) {
        return switch (key) {
            case WorldKey.Name(String name) -> name;
            case WorldKey.Iface(InterfaceId id) -> throw unprintable("type keyed by interface " + id);
        };
    }

    private Map<TypeId, List<Function>> resourceFunctions(Iterable<Function> functions) {
        var byResource = new LinkedHashMap<TypeId, List<Function>>();
        for (Function f : functions) {
            f.kind().owningResource().ifPresent(r -> byResource.computeIfAbsent(r, k -> new ArrayList<>()).add(f));
        }
        return byResource;
    }

    private void newItem() {
        if (anyItems) {
            out.blank();
        }
        anyItems = true;
    }

    private void docs(Docs docs) {
        docs.contents().ifPresent(text -> text.lines().forEach(line -> out.line(line.isEmpty() ? "///" : "/// " + line)));
    }

    private void stability(Stability stability) {
        switch (stability) {
            case Stability.Stable s -> {
                out.line("@since(version = " + s.since() + ")");
                s.deprecated().ifPresent(v -> out.line("@deprecated(version = " + v + ")"));
            }
            case Stability.Unstable u -> {
                out.line("@unstable(feature = " + WitNames.escape(u.feature()) + ")");
                u.deprecated().ifPresent(v -> out.line("@deprecated(version = " + v + ")"));
            }
            case Stability.Unknown u -> { }
        }
    }

    private void externalId(Optional<String> externalId) {
        externalId.ifPresent(id -> out.line("@external-id(" + StringLiterals.quote(id) + ")"));
    }

    private static IllegalArgumentException unprintable(String what) {
        return new IllegalArgumentException("cannot print as WIT: " + what);
    }
}
