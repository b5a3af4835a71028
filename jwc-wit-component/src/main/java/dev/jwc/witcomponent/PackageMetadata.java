package dev.jwc.witcomponent;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.Section;
import dev.jwc.json.Json;
import dev.jwc.json.JsonBuilder;
import dev.jwc.json.JsonException;
import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.ResolveBuilder;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.Version;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code package-docs} custom section: docs and stability gates, which the component binary format has no
 * place for, as a version byte ({@code 0} or {@code 1}) followed by JSON (wit-parser's {@code PackageMetadata}).
 */
final class PackageMetadata {
    static final String SECTION = "package-docs";
    private static final int VERSION = 1;

    private PackageMetadata() {}

    // ---- encoding

    static Section.Custom section(Resolve resolve, PackageId id) {
        WitPackage pkg = resolve.get(id);
        var o = JsonBuilder.object();
        pkg.docs().contents().ifPresent(d -> o.put("docs", d));
        var worlds = JsonBuilder.object();
        pkg.worlds().forEach((name, w) -> putIfNotEmpty(worlds, name, world(resolve, w)));
        putIfNotEmpty(o, "worlds", worlds.build());
        var interfaces = JsonBuilder.object();
        pkg.interfaces().forEach((name, i) -> putIfNotEmpty(interfaces, name, iface(resolve, i)));
        putIfNotEmpty(o, "interfaces", interfaces.build());
        byte[] json = CompactJson.write(o.build()).getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[json.length + 1];
        data[0] = VERSION;
        System.arraycopy(json, 0, data, 1, json.length);
        return new Section.Custom(SECTION, data);
    }

    private static Json world(Resolve resolve, WorldId id) {
        World world = resolve.get(id);
        var o = JsonBuilder.object();
        docsAndStability(o, world.docs(), world.stability());
        var ifaceImports = JsonBuilder.object();
        var ifaceExports = JsonBuilder.object();
        var types = JsonBuilder.object();
        var funcImports = JsonBuilder.object();
        var funcExports = JsonBuilder.object();
        var importStability = JsonBuilder.object();
        var exportStability = JsonBuilder.object();
        var importDocs = JsonBuilder.object();
        var exportDocs = JsonBuilder.object();
        for (boolean imports : new boolean[] {true, false}) {
            Map<WorldKey, WorldItem> items = imports ? world.imports() : world.exports();
            items.forEach((key, item) -> {
                String name = keyName(resolve, key);
                switch (item) {
                    case WorldItem.InterfaceItem i when key instanceof WorldKey.Name
                            && resolve.get(i.id()).name().isEmpty() ->
                            putIfNotEmpty(imports ? ifaceImports : ifaceExports, name, iface(resolve, i.id()));
                    case WorldItem.InterfaceItem i -> {
                        if (!i.stability().isUnknown()) {
                            (imports ? importStability : exportStability).put(name, stability(i.stability()));
                        }
                        i.docs().contents().ifPresent(d -> (imports ? importDocs : exportDocs).put(name, d));
                    }
                    case WorldItem.TypeItem t -> putIfNotEmpty(types, name, type(resolve.get(t.id())));
                    case WorldItem.FunctionItem f -> putIfNotEmpty(imports ? funcImports : funcExports, name,
                            function(f.function()));
                }
            });
        }
        putIfNotEmpty(o, "interfaces", ifaceImports.build());
        putIfNotEmpty(o, "types", types.build());
        putIfNotEmpty(o, "funcs", funcImports.build());
        putIfNotEmpty(o, "interface_exports", ifaceExports.build());
        putIfNotEmpty(o, "func_exports", funcExports.build());
        putIfNotEmpty(o, "interface_import_stability", importStability.build());
        putIfNotEmpty(o, "interface_export_stability", exportStability.build());
        putIfNotEmpty(o, "interface_import_docs", importDocs.build());
        putIfNotEmpty(o, "interface_export_docs", exportDocs.build());
        return o.build();
    }

    private static Json iface(Resolve resolve, InterfaceId id) {
        Interface iface = resolve.get(id);
        var o = JsonBuilder.object();
        docsAndStability(o, iface.docs(), iface.stability());
        var funcs = JsonBuilder.object();
        iface.functions().forEach((name, f) -> putIfNotEmpty(funcs, name, function(f)));
        putIfNotEmpty(o, "funcs", funcs.build());
        var types = JsonBuilder.object();
        iface.types().forEach((name, t) -> putIfNotEmpty(types, name, type(resolve.get(t))));
        putIfNotEmpty(o, "types", types.build());
        return o.build();
    }

    private static Json function(Function f) {
        var o = JsonBuilder.object();
        docsAndStability(o, f.docs(), f.stability());
        return o.build();
    }

    private static Json type(TypeDef def) {
        var o = JsonBuilder.object();
        docsAndStability(o, def.docs(), def.stability());
        var items = JsonBuilder.object();
        members(def.kind()).forEach(m -> m.docs().contents().ifPresent(d -> items.put(m.name(), d)));
        putIfNotEmpty(o, "items", items.build());
        return o.build();
    }

    private static List<? extends TypeDefKind.Member> members(TypeDefKind kind) {
        return switch (kind) {
            case TypeDefKind.Record r -> r.fields();
            case TypeDefKind.Flags f -> f.flags();
            case TypeDefKind.Variant v -> v.cases();
            case TypeDefKind.Enum e -> e.cases();
            default -> List.of();
        };
    }

    private static void docsAndStability(JsonBuilder.ObjBuilder o, Docs docs, Stability stability) {
        docs.contents().ifPresent(d -> o.put("docs", d));
        if (!stability.isUnknown()) {
            o.put("stability", stability(stability));
        }
    }

    private static Json stability(Stability stability) {
        return switch (stability) {
            case Stability.Stable s -> {
                var inner = JsonBuilder.object().put("since", s.since().toString());
                s.deprecated().ifPresent(v -> inner.put("deprecated", v.toString()));
                yield JsonBuilder.object().put("stable", inner.build()).build();
            }
            case Stability.Unstable u -> {
                var inner = JsonBuilder.object().put("feature", u.feature());
                u.deprecated().ifPresent(v -> inner.put("deprecated", v.toString()));
                yield JsonBuilder.object().put("unstable", inner.build()).build();
            }
            case Stability.Unknown u -> Json.Null.NULL;
        };
    }

    private static void putIfNotEmpty(JsonBuilder.ObjBuilder o, String key, Json value) {
        if (!(value instanceof Json.Obj obj && obj.members().isEmpty())) {
            o.put(key, value);
        }
    }

    static String keyName(Resolve resolve, WorldKey key) {
        return switch (key) {
            case WorldKey.Name(String name) -> name;
            case WorldKey.Iface(InterfaceId id) -> resolve.qualifiedName(id).orElseThrow();
        };
    }

    // ---- decoding

    /** {@code resolve} with the docs and gates of the component's {@code package-docs} section put on {@code pkg}. */
    static Resolve apply(Component component, Resolve resolve, PackageId pkg) {
        Section.Custom section = WitDecoding.custom(component, SECTION);
        if (section == null) {
            return resolve;
        }
        byte[] data = section.data();
        if (data.length == 0 || (data[0] != 0 && data[0] != VERSION)) {
            throw new WitComponentException("expected package-docs version 0 or 1, got "
                    + (data.length == 0 ? "nothing" : Integer.toString(data[0] & 0xff)));
        }
        Json json;
        try {
            json = Json.parse(new String(data, 1, data.length - 1, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new WitComponentException("package-docs: " + e.getMessage(), e);
        }
        ResolveBuilder b = resolve.toBuilder();
        new Injector(b).pkg(obj(json, "package-docs"), pkg);
        return b.build();
    }

    /** Writes metadata into a builder, failing on names the model lacks. */
    private record Injector(ResolveBuilder b) {
        void pkg(Json.Obj o, PackageId id) {
            WitPackage pkg = b.get(id);
            members(o, "worlds").forEach((name, w) -> world(obj(w, name), lookup(pkg.worlds(), name, "world")));
            members(o, "interfaces").forEach((name, i) -> iface(obj(i, name),
                    lookup(pkg.interfaces(), name, "interface")));
            b.set(id, new WitPackage(pkg.name(), docs(o, pkg.docs()), pkg.interfaces(), pkg.worlds()));
        }

        void world(Json.Obj o, WorldId id) {
            World w = b.get(id);
            Map<WorldKey, WorldItem> imports = new LinkedHashMap<>(w.imports());
            Map<WorldKey, WorldItem> exports = new LinkedHashMap<>(w.exports());
            Resolve view = b.build();
            members(o, "interfaces").forEach((name, m) -> inlineInterface(obj(m, name), name, imports, exports));
            members(o, "interface_exports").forEach((name, m) -> inlineInterface(obj(m, name), name, exports,
                    exports));
            members(o, "types").forEach((name, m) -> {
                if (!(imports.get(new WorldKey.Name(name)) instanceof WorldItem.TypeItem(TypeId t))) {
                    throw new WitComponentException("package-docs: missing type `" + name + "`");
                }
                type(obj(m, name), t);
            });
            members(o, "funcs").forEach((name, m) -> function(m, name, imports, exports));
            members(o, "func_exports").forEach((name, m) -> function(m, name, exports, exports));
            byKeyName(view, o, "interface_import_stability", imports, (i, v) -> new WorldItem.InterfaceItem(i.id(),
                    stability(v), i.docs(), i.externalId()));
            byKeyName(view, o, "interface_export_stability", exports, (i, v) -> new WorldItem.InterfaceItem(i.id(),
                    stability(v), i.docs(), i.externalId()));
            byKeyName(view, o, "interface_import_docs", imports, (i, v) -> new WorldItem.InterfaceItem(i.id(),
                    i.stability(), Docs.of(str(v)), i.externalId()));
            byKeyName(view, o, "interface_export_docs", exports, (i, v) -> new WorldItem.InterfaceItem(i.id(),
                    i.stability(), Docs.of(str(v)), i.externalId()));
            b.set(id, new World(w.name(), imports, exports, w.pkg(), docs(o, w.docs()), stability(o, w.stability())));
        }

        private void byKeyName(Resolve view, Json.Obj o, String field, Map<WorldKey, WorldItem> items,
                               java.util.function.BiFunction<WorldItem.InterfaceItem, Json, WorldItem> update) {
            members(o, field).forEach((name, value) -> {
                WorldKey key = items.keySet().stream().filter(k -> items.get(k) instanceof WorldItem.InterfaceItem
                        && keyName(view, k).equals(name)).findFirst().orElseThrow(() ->
                        new WitComponentException("package-docs: missing interface `" + name + "`"));
                items.put(key, update.apply((WorldItem.InterfaceItem) items.get(key), value));
            });
        }

        private void inlineInterface(Json.Obj o, String name, Map<WorldKey, WorldItem> first,
                                     Map<WorldKey, WorldItem> second) {
            WorldKey key = new WorldKey.Name(name);
            WorldItem item = first.containsKey(key) ? first.get(key) : second.get(key);
            if (!(item instanceof WorldItem.InterfaceItem i)) {
                throw new WitComponentException("package-docs: missing interface `" + name + "`");
            }
            iface(o, i.id());
            (first.containsKey(key) ? first : second).put(key, new WorldItem.InterfaceItem(i.id(),
                    stability(o, i.stability()), i.docs(), i.externalId()));
        }

        private void function(Json m, String name, Map<WorldKey, WorldItem> first, Map<WorldKey, WorldItem> second) {
            WorldKey key = new WorldKey.Name(name);
            Map<WorldKey, WorldItem> map = first.containsKey(key) ? first : second;
            if (!(map.get(key) instanceof WorldItem.FunctionItem(Function f))) {
                throw new WitComponentException("package-docs: missing func `" + name + "`");
            }
            map.put(key, new WorldItem.FunctionItem(function(m, f)));
        }

        void iface(Json.Obj o, InterfaceId id) {
            Interface i = b.get(id);
            members(o, "types").forEach((name, m) -> type(obj(m, name), lookup(i.types(), name, "type")));
            Map<String, Function> functions = new LinkedHashMap<>(i.functions());
            members(o, "funcs").forEach((name, m) -> functions.put(name, function(m,
                    lookup(functions, name, "func"))));
            b.set(id, new Interface(i.name(), i.types(), functions, docs(o, i.docs()), stability(o, i.stability()),
                    i.pkg()));
        }

        void type(Json.Obj o, TypeId id) {
            TypeDef def = b.get(id);
            Map<String, Json> items = members(o, "items");
            TypeDefKind kind = items.isEmpty() ? def.kind() : switch (def.kind()) {
                case TypeDefKind.Record r -> new TypeDefKind.Record(r.fields().stream().map(f ->
                        new TypeDefKind.Field(f.name(), f.type(), itemDocs(items, f))).toList());
                case TypeDefKind.Flags f -> new TypeDefKind.Flags(f.flags().stream().map(x ->
                        new TypeDefKind.Flag(x.name(), itemDocs(items, x))).toList());
                case TypeDefKind.Variant v -> new TypeDefKind.Variant(v.cases().stream().map(c ->
                        new TypeDefKind.Case(c.name(), c.type(), itemDocs(items, c))).toList());
                case TypeDefKind.Enum e -> new TypeDefKind.Enum(e.cases().stream().map(c ->
                        new TypeDefKind.EnumCase(c.name(), itemDocs(items, c))).toList());
                default -> throw new WitComponentException("package-docs: items for a type without members");
            };
            b.set(id, new TypeDef(def.name(), kind, def.owner(), docs(o, def.docs()), stability(o, def.stability()),
                    def.externalId()));
        }

        private static Docs itemDocs(Map<String, Json> items, TypeDefKind.Member m) {
            Json d = items.get(m.name());
            return d == null ? m.docs() : Docs.of(str(d));
        }

        private static Function function(Json m, Function f) {
            if (m instanceof Json.Str(String docs)) {
                return new Function(f.name(), f.kind(), f.params(), f.result(), Docs.of(docs), f.stability());
            }
            Json.Obj o = obj(m, f.name());
            return new Function(f.name(), f.kind(), f.params(), f.result(), docs(o, Docs.NONE),
                    stability(o, Stability.UNKNOWN));
        }
    }

    private static <V> V lookup(Map<String, V> map, String name, String what) {
        V v = map.get(name);
        if (v == null) {
            throw new WitComponentException("package-docs: missing " + what + " `" + name + "`");
        }
        return v;
    }

    private static Docs docs(Json.Obj o, Docs fallback) {
        Json d = o.get("docs");
        return d == null ? fallback : Docs.of(str(d));
    }

    private static Stability stability(Json.Obj o, Stability fallback) {
        Json s = o.get("stability");
        return s == null ? fallback : stability(s);
    }

    private static Stability stability(Json json) {
        Json.Obj o = obj(json, "stability");
        try {
            if (o.get("stable") instanceof Json.Obj s) {
                return new Stability.Stable(Version.parse(str(s.get("since"))), deprecated(s));
            }
            if (o.get("unstable") instanceof Json.Obj u) {
                return new Stability.Unstable(str(u.get("feature")), deprecated(u));
            }
        } catch (IllegalArgumentException e) {
            throw new WitComponentException("package-docs: " + e.getMessage(), e);
        }
        throw new WitComponentException("package-docs: unknown stability " + json);
    }

    private static Optional<Version> deprecated(Json.Obj o) {
        return o.get("deprecated") == null ? Optional.empty() : Optional.of(Version.parse(str(o.get("deprecated"))));
    }

    private static Map<String, Json> members(Json.Obj o, String field) {
        Json v = o.get(field);
        return v == null ? Map.of() : obj(v, field).members();
    }

    private static Json.Obj obj(Json json, String what) {
        if (json instanceof Json.Obj o) {
            return o;
        }
        throw new WitComponentException("package-docs: `" + what + "` is not an object");
    }

    private static String str(Json json) {
        if (json instanceof Json.Str(String s)) {
            return s;
        }
        throw new WitComponentException("package-docs: expected a string, got " + json);
    }
}
