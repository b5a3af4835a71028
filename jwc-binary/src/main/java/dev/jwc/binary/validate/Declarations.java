package dev.jwc.binary.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Imports, exports and aliases: their names, the named-type rules, and the index spaces they extend. */
final class Declarations {
    private final Context cx;
    private final TypeResolver types;

    Declarations(Context cx, TypeResolver types) {
        this.cx = cx;
        this.types = types;
    }

    void importDecl(Scope s, ExternName name, ExternType type) {
        add(s, name, types.externType(s, type, true), false);
    }

    void exportDecl(Scope s, ExternName name, ExternType type) {
        add(s, name, types.externType(s, type, false), true);
    }

    /** Adds an import or export of {@code entity} to {@code s}; returns the entity as it is now named. */
    ExternEntity add(Scope s, ExternName name, ExternEntity entity, boolean export) {
        // Instance types are checked where they are used, not where they are declared.
        if (s.kind != Scope.Kind.INSTANCE_TYPE) {
            checkNamed(s, entity, export);
        }
        ExternEntity added = addUnchecked(s, name, entity, export);
        if (added instanceof ExternEntity.Instance i) {
            nameInstanceTypes(i.type(), export ? s.exportedTypes : s.importedTypes,
                    export ? s.exportedResourceAliases : s.importedResourceAliases);
        }
        return added;
    }

    /** The types an imported or exported instance exports have names, also when aliased out later. */
    private static void nameInstanceTypes(InstanceSignature sig, Set<ValueType> types, Set<Long> resources) {
        nameInstanceTypes(sig, types, resources, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Instance types are shared DAGs: each is named once, or nested sharing costs exponential time. */
    private static void nameInstanceTypes(InstanceSignature sig, Set<ValueType> types, Set<Long> resources,
            Set<InstanceSignature> done) {
        if (!done.add(sig)) {
            return;
        }
        for (ExternEntity e : sig.exports().values()) {
            switch (e) {
                case ExternEntity.Type t when t.type() instanceof ValueType v -> types.add(v);
                case ExternEntity.Type t when t.type() instanceof ResourceId r -> resources.add(r.alias());
                case ExternEntity.Instance i -> nameInstanceTypes(i.type(), types, resources, done);
                default -> {
                }
            }
        }
    }

    /**
     * Adds an export of an instance built from inline exports: its names follow the rules, but its types
     * need no names, as it is not an interface of the component. A bag builds no index space, so its value
     * type exports keep the identity of the types they refer to: exporting the bag names those very types.
     */
    ExternEntity addInline(Scope bag, ExternName name, ExternEntity entity) {
        return addUnchecked(bag, name, entity, true, true);
    }

    private ExternEntity addUnchecked(Scope s, ExternName name, ExternEntity entity, boolean export) {
        return addUnchecked(s, name, entity, export, false);
    }

    private ExternEntity addUnchecked(Scope s, ExternName name, ExternEntity entity, boolean export,
            boolean inBag) {
        ExternNames.Parsed parsed = checkName(s, name, entity, export);
        boolean keepsIdentity = inBag && entity instanceof ExternEntity.Type t && t.type() instanceof ValueType;
        ExternEntity named = keepsIdentity ? entity : rename(s, parsed, entity, export);
        (export ? s.exports : s.imports).put(name.name(), named);
        push(s, named);
        if (export && named instanceof ExternEntity.Value) {
            // The export's own index is not a fresh value that still needs consuming.
            s.values.getLast().used = true;
        }
        return named;
    }

    /** Adds an entity to the index space of its sort. */
    static void push(Scope s, ExternEntity e) {
        switch (e) {
            case ExternEntity.Module m -> s.coreModules.add(m.type());
            case ExternEntity.Func f -> s.funcs.add(f.type());
            case ExternEntity.Value v -> s.values.add(new Scope.ValueSlot(v.type()));
            case ExternEntity.Type t -> s.types.add(t.type());
            case ExternEntity.Instance i -> s.instances.add(i.type());
            case ExternEntity.Component c -> s.components.add(c.type());
        }
    }

    private ExternEntity rename(Scope s, ExternNames.Parsed name, ExternEntity e, boolean export) {
        if (!(e instanceof ExternEntity.Type t)) {
            return e;
        }
        switch (t.type()) {
            case ValueType v -> {
                ValueType renamed = Types.renamed(v);
                cx.renamed(renamed, v);
                (export ? s.exportedTypes : s.importedTypes).add(renamed);
                return new ExternEntity.Type(renamed);
            }
            case ResourceId r -> {
                ResourceId renamed = cx.alias(r);
                (export ? s.exportedResourceAliases : s.importedResourceAliases).add(renamed.alias());
                nameResource(s, name, renamed, export);
                return new ExternEntity.Type(renamed);
            }
            default -> {
                return e;
            }
        }
    }

    /** A resource exported or imported under a plain label is what {@code [method]label.x} names refer to. */
    private static void nameResource(Scope s, ExternNames.Parsed name, ResourceId r, boolean export) {
        if (name != null && name.kind() == ExternNames.Kind.LABEL) {
            (export ? s.exportedResourceNames : s.importedResourceNames).put(name.raw().toLowerCase(Locale.ROOT), r);
        }
    }

    // ---- names ---------------------------------------------------------------------------------

    private ExternNames.Parsed checkName(Scope s, ExternName name, ExternEntity entity, boolean export) {
        String what = export ? "export" : "import";
        String raw = name.name();
        ExternNames.Parsed parsed;
        try {
            parsed = ExternNames.parse(raw, nameOptions());
        } catch (ExternNames.Fault f) {
            throw cx.fail("`" + raw + "` is not a valid extern name: " + f.getMessage());
        }
        if (export && !parsed.isExportable()) {
            throw cx.fail("`" + raw + "` is not a valid export name");
        }
        String key = parsed.key();
        boolean implementsSeen = false;
        for (ExternName.Attribute a : name.attributes()) {
            switch (a) {
                case ExternName.Attribute.Implements i -> {
                    if (!cx.has(Feature.CM_IMPLEMENTS)) {
                        throw cx.fail("the `cm-implements` feature is not active");
                    }
                    if (implementsSeen) {
                        throw cx.fail("duplicate 'implements' option in name");
                    }
                    implementsSeen = true;
                    checkImplements(raw, i.interfaceName(), parsed, entity);
                }
                case ExternName.Attribute.VersionSuffix v -> {
                    if (!(entity instanceof ExternEntity.Instance)) {
                        throw cx.fail("only instances can have a `versionsuffix`");
                    }
                    checkVersionSuffix(raw, v.suffix(), parsed);
                }
                case ExternName.Attribute.ExternalId x -> {
                }
            }
        }
        checkAnnotation(s, parsed, entity, export);
        Map<String, String> keys = export ? s.exportKeys : s.importKeys;
        String prior = keys.putIfAbsent(key, raw);
        if (prior != null) {
            throw cx.fail(what + " name `" + raw + "` conflicts with previous name `" + prior + "`");
        }
        return parsed;
    }

    private ExternNames.Options nameOptions() {
        return new ExternNames.Options(cx.has(Feature.CM_NESTED_NAMES), cx.has(Feature.CM_CANON_NAMES));
    }

    private void checkImplements(String raw, String iface, ExternNames.Parsed parsed, ExternEntity entity) {
        if (iface.isEmpty()) {
            throw cx.fail("`` is not a valid name");
        }
        if (!ExternNames.isInterface(iface, nameOptions())) {
            throw cx.fail("`" + iface + "` must be an interface name");
        }
        if (!(entity instanceof ExternEntity.Instance)) {
            throw cx.fail("only instances can have an `implements`");
        }
        if (parsed.kind() != ExternNames.Kind.LABEL) {
            throw cx.fail("name `" + raw + "` is not valid with `implements`");
        }
    }

    private void checkVersionSuffix(String raw, String suffix, ExternNames.Parsed parsed) {
        int at = raw.indexOf('@');
        if (parsed.kind() != ExternNames.Kind.INTERFACE || at < 0) {
            throw cx.fail("invalid interface version: `" + raw + "` has no version to suffix");
        }
        String full = raw.substring(at + 1) + suffix;
        String fault = Semver.fault(full);
        if (fault != null) {
            throw cx.fail("invalid interface version `" + full + "`: " + fault);
        }
    }

    /**
     * The extra rules for {@code [constructor]}, {@code [method]} and {@code [static]} names, in wasmparser's order
     * and with its messages, each prefixed with the name it is about.
     */
    private void checkAnnotation(Scope s, ExternNames.Parsed name, ExternEntity entity, boolean export) {
        if (name.resource() == null) {
            return;
        }
        String fault = annotationFault(export ? s.exportedResourceNames : s.importedResourceNames, name, entity);
        if (fault != null) {
            throw cx.fail((export ? "export" : "import") + " name `" + name.raw() + "` is not valid: " + fault);
        }
    }

    /** Why {@code entity} may not carry the annotated {@code name}, or {@code null}. */
    private static String annotationFault(Map<String, ResourceId> names, ExternNames.Parsed name, ExternEntity entity) {
        if (!(entity instanceof ExternEntity.Func func)) {
            return "item is not a func";
        }
        FunctionType f = func.type();
        return switch (name.kind()) {
            case CONSTRUCTOR -> {
                if (f.async()) {
                    yield "constructor function cannot be async";
                }
                if (f.result().isEmpty()) {
                    yield "function should return one value";
                }
                ResourceId returned = ownedResult(f.result().get());
                yield returned == null ? "function should return `(own $T)` or `(result (own $T))`"
                        : resourceNameFault(names, returned, name.resource());
            }
            case METHOD -> {
                if (f.params().isEmpty()) {
                    yield "function should have at least one argument";
                }
                FunctionType.Param self = f.params().get(0);
                if (!self.name().equals("self")) {
                    yield "function should have a first argument called `self`";
                }
                yield self.type() instanceof ValueType.Borrow b ? resourceNameFault(names, b.resource(), name.resource())
                        : "function should take a first argument of `(borrow $T)`";
            }
            case STATIC -> names.containsKey(name.resource().toLowerCase(Locale.ROOT)) ? null
                    : "static resource name is not known in this context";
            default -> throw new IllegalStateException("only annotated names have a resource");
        };
    }

    private static ResourceId ownedResult(ValueType v) {
        if (v instanceof ValueType.Own o) {
            return o.resource();
        }
        if (v instanceof ValueType.Result r && r.ok().isPresent() && r.ok().get() instanceof ValueType.Own o) {
            return o.resource();
        }
        return null;
    }

    /** The resource a function uses must be the one its name's {@code label} names in this context. */
    private static String resourceNameFault(Map<String, ResourceId> names, ResourceId used, String label) {
        String expected = names.entrySet().stream()
                .filter(e -> e.getValue().alias() == used.alias())
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (expected == null) {
            return "resource used in function does not have a name in this context";
        }
        return expected.equals(label.toLowerCase(Locale.ROOT)) ? null
                : "function does not match expected resource name `" + expected + "`";
    }

    // ---- named types ---------------------------------------------------------------------------

    /**
     * Types that have names where an import or export is checked; instance and component types add their own.
     * {@code verified} holds the instance types already found to name all their types where the
     * scope imports, or exports: they are shared by reference, and re-checking them on every use would be
     * exponential in the nesting depth. What has names differs from scope to scope and between imports and exports,
     * so each keeps its own.
     */
    private static final class Named {
        final Set<ValueType> types = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<Long> resources = new HashSet<>();
        final Set<TypeEntry> verified;

        Named(Set<TypeEntry> verified) {
            this.verified = verified;
        }

        Named copy() {
            Named n = new Named(verified);
            n.types.addAll(types);
            n.resources.addAll(resources);
            return n;
        }

        void name(TypeEntry t) {
            if (t instanceof ValueType v) {
                types.add(v);
            } else if (t instanceof ResourceId r) {
                resources.add(r.alias());
            }
        }
    }

    private void checkNamed(Scope s, ExternEntity e, boolean export) {
        Named named = new Named(export ? s.verifiedForExport : s.verifiedForImport);
        named.types.addAll(s.importedTypes);
        named.resources.addAll(s.importedResourceAliases);
        if (export) {
            named.types.addAll(s.exportedTypes);
            named.resources.addAll(s.exportedResourceAliases);
        }
        boolean ok = switch (e) {
            case ExternEntity.Type t -> t.type() instanceof ValueType v ? rootNamed(v, named) : entryNamed(t.type(), named);
            default -> entityNamed(e, named);
        };
        if (!ok) {
            throw cx.fail(e.kind() + " not valid to be used as " + (export ? "export" : "import"));
        }
    }

    private boolean entityNamed(ExternEntity e, Named named) {
        return switch (e) {
            case ExternEntity.Module m -> true;
            case ExternEntity.Func f -> entryNamed(f.type(), named);
            case ExternEntity.Value v -> valueNamed(v.type(), named);
            case ExternEntity.Type t -> entryNamed(t.type(), named);
            case ExternEntity.Instance i -> entryNamed(i.type(), named);
            case ExternEntity.Component c -> entryNamed(c.type(), named);
        };
    }

    private boolean entryNamed(TypeEntry t, Named named) {
        return switch (t) {
            case ResourceId r -> true;
            case ValueType v -> valueNamed(v, named);
            case FunctionType f -> f.params().stream().allMatch(p -> valueNamed(p.type(), named))
                    && f.result().map(r -> valueNamed(r, named)).orElse(true);
            case InstanceSignature i -> {
                if (named.verified.contains(i)) {
                    yield true;
                }
                boolean ok = exportsNamed(i.exports(), named.copy());
                if (ok) {
                    named.verified.add(i);
                }
                yield ok;
            }
            // Components are closed: their imports and exports were checked when their type or definition was.
            case ComponentSignature c -> true;
        };
    }

    private boolean exportsNamed(Map<String, ExternEntity> items, Named local) {
        for (ExternEntity item : items.values()) {
            if (item instanceof ExternEntity.Type t) {
                if (t.type() instanceof ValueType v && !rootNamed(v, local)) {
                    return false;
                }
                local.name(t.type());
            } else if (!entityNamed(item, local)) {
                return false;
            } else if (item instanceof ExternEntity.Instance nested) {
                nameInstanceTypes(nested.type(), local.types, local.resources);
            }
        }
        return true;
    }

    /** A type being named may itself be anonymous, but what it refers to must have names. */
    private static boolean rootNamed(ValueType v, Named named) {
        if (!Types.needsName(v)) {
            return valueNamed(v, named);
        }
        return switch (v) {
            case ValueType.Record r -> r.fields().stream().allMatch(f -> valueNamed(f.type(), named));
            case ValueType.Variant x -> x.cases().stream().allMatch(c -> c.type().map(t -> valueNamed(t, named)).orElse(true));
            default -> true;
        };
    }

    private static boolean valueNamed(ValueType v, Named named) {
        return valueNamed(v, named, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** {@code checked} holds the anonymous types already found named: types are DAGs, each is checked once. */
    private static boolean valueNamed(ValueType v, Named named, Set<ValueType> checked) {
        if (Types.needsName(v)) {
            return named.types.contains(v);
        }
        if (!checked.add(v)) {
            return true;
        }
        return switch (v) {
            case ValueType.Own o -> named.resources.contains(o.resource().alias());
            case ValueType.Borrow b -> named.resources.contains(b.resource().alias());
            case ValueType.ListOf l -> valueNamed(l.element(), named, checked);
            case ValueType.FixedList l -> valueNamed(l.element(), named, checked);
            case ValueType.Tuple t -> t.types().stream().allMatch(x -> valueNamed(x, named, checked));
            case ValueType.Option o -> valueNamed(o.type(), named, checked);
            case ValueType.Result r -> r.ok().map(x -> valueNamed(x, named, checked)).orElse(true)
                    && r.error().map(x -> valueNamed(x, named, checked)).orElse(true);
            case ValueType.Stream st -> st.element().map(x -> valueNamed(x, named, checked)).orElse(true);
            case ValueType.Future f -> f.element().map(x -> valueNamed(x, named, checked)).orElse(true);
            case ValueType.MapOf m -> valueNamed(m.key(), named, checked) && valueNamed(m.value(), named, checked);
            default -> true;
        };
    }

    // ---- aliases -------------------------------------------------------------------------------

    /** An alias in a component or instance type, where only types and instances may be aliased. */
    void aliasInType(Scope s, Alias alias) {
        switch (alias) {
            case Alias.InstanceExport a when a.sort() == ComponentSort.TYPE || a.sort() == ComponentSort.INSTANCE ->
                    alias(s, alias);
            case Alias.Outer o when o.sort() == ComponentSort.TYPE || o.sort() == CoreSort.TYPE -> alias(s, alias);
            default -> throw cx.fail("aliases in a component or instance type may only refer to types or instances");
        }
    }

    void alias(Scope s, Alias alias) {
        switch (alias) {
            case Alias.InstanceExport a -> {
                if (a.sort() == ComponentSort.VALUE) {
                    cx.require(Feature.CM_VALUES, "support for component model `value`s is not enabled");
                }
                InstanceSignature sig = TypeResolver.at(cx, s.instances, a.instance(), "instance", "instance");
                ExternEntity e = sig.exports().get(a.name());
                if (e == null) {
                    throw cx.fail("instance " + Integer.toUnsignedString(a.instance()) + " has no export named `"
                            + a.name() + "`");
                }
                String wanted = a.sort() instanceof ComponentSort c ? c.keyword() : ((CoreSort) a.sort()).keyword();
                if (!e.kind().equals(wanted)) {
                    throw cx.fail("export `" + a.name() + "` for instance " + Integer.toUnsignedString(a.instance())
                            + " is not a " + wanted);
                }
                push(s, e);
            }
            case Alias.CoreInstanceExport a -> {
                if (a.sort() == CoreSort.TAG) {
                    cx.require(Feature.EXCEPTIONS, "exceptions proposal not enabled");
                }
                Map<String, CoreEntity> inst = TypeResolver.at(cx, s.coreInstances, a.instance(), "core instance",
                        "instance");
                CoreEntity e = inst.get(a.name());
                if (e == null) {
                    throw cx.fail("core instance " + Integer.toUnsignedString(a.instance())
                            + " has no export named `" + a.name() + "`");
                }
                if (!e.kind().equals(a.sort().keyword())) {
                    throw cx.fail("export `" + a.name() + "` for core instance "
                            + Integer.toUnsignedString(a.instance()) + " is not a " + a.sort().keyword());
                }
                CoreModules.push(s, e);
            }
            case Alias.Outer o -> outer(s, o);
        }
    }

    private void outer(Scope s, Alias.Outer o) {
        if (Integer.compareUnsigned(o.count(), s.depth()) > 0) {
            throw cx.fail("invalid outer alias count of " + Integer.toUnsignedString(o.count()));
        }
        Scope target = s.outer(o.count());
        boolean crossesComponent = false;
        for (Scope x = s; x != target; x = x.parent) {
            crossesComponent |= x.kind == Scope.Kind.COMPONENT;
        }
        switch (o.sort()) {
            case ComponentSort.TYPE -> {
                TypeEntry t = TypeResolver.at(cx, target.types, o.index(), "type", "type");
                if (crossesComponent) {
                    Set<ResourceId> used = new HashSet<>();
                    Types.resources(t, used);
                    if (!used.isEmpty()) {
                        throw cx.fail("cannot alias outer type which transitively refers to resources not defined "
                                + "in the current component");
                    }
                }
                s.types.add(t);
            }
            case ComponentSort.COMPONENT -> s.components.add(
                    TypeResolver.at(cx, target.components, o.index(), "component", "component"));
            case CoreSort.MODULE -> s.coreModules.add(
                    TypeResolver.at(cx, target.coreModules, o.index(), "module", "module"));
            case CoreSort.TYPE -> s.coreTypes.add(TypeResolver.at(cx, target.coreTypes, o.index(), "core type", "type"));
            default -> throw cx.fail("outer aliases may only refer to types, modules or components");
        }
    }
}
