package dev.jwc.wit.roundtrip;

import dev.jwc.json.Json;
import dev.jwc.json.JsonBuilder;
import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
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
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Resolve} as JSON with every id replaced by what it names: packages, interfaces, worlds and named
 * types by their qualified path, anonymous types by their structure. Two models that differ only in arena
 * numbering or in the order of declarations (which WIT text does not fix: a printer puts types before
 * functions, a resolver elaborates world imports) have equal canonical forms.
 */
final class CanonicalModel {
    private final Resolve resolve;
    private final Map<InterfaceId, String> interfacePaths = new HashMap<>();
    private final Map<WorldId, String> worldPaths = new HashMap<>();

    private CanonicalModel(Resolve resolve) {
        this.resolve = resolve;
        for (WitPackage pkg : resolve.packages()) {
            pkg.interfaces().forEach((name, id) -> interfacePaths.put(id, pkg.name().interfaceId(name)));
            pkg.worlds().forEach((name, id) -> {
                String path = pkg.name() + " world " + name;
                worldPaths.put(id, path);
                World world = resolve.get(id);
                inlineInterfaces(path + " import ", world.imports());
                inlineInterfaces(path + " export ", world.exports());
            });
        }
    }

    static Json of(Resolve resolve) {
        return new CanonicalModel(resolve).packages();
    }

    private void inlineInterfaces(String prefix, Map<WorldKey, WorldItem> items) {
        items.forEach((key, item) -> {
            if (key instanceof WorldKey.Name(String name) && item instanceof WorldItem.InterfaceItem i
                    && resolve.get(i.id()).name().isEmpty()) {
                interfacePaths.put(i.id(), prefix + name);
            }
        });
    }

    private Json packages() {
        var sorted = new TreeMap<String, Json>();
        for (WitPackage pkg : resolve.packages()) {
            var interfaces = new TreeMap<String, Json>();
            pkg.interfaces().forEach((name, id) -> interfaces.put(name, iface(id)));
            var worlds = new TreeMap<String, Json>();
            pkg.worlds().forEach((name, id) -> worlds.put(name, world(id)));
            sorted.put(pkg.name().toString(), JsonBuilder.object()
                    .put("docs", docs(pkg.docs()))
                    .put("interfaces", new Json.Obj(interfaces))
                    .put("worlds", new Json.Obj(worlds))
                    .build());
        }
        return new Json.Obj(sorted);
    }

    private Json iface(InterfaceId id) {
        Interface iface = resolve.get(id);
        var types = new TreeMap<String, Json>();
        iface.types().forEach((name, type) -> types.put(name, typeDef(type)));
        var functions = new TreeMap<String, Json>();
        iface.functions().forEach((name, f) -> functions.put(name, function(f)));
        return JsonBuilder.object()
                .put("path", interfacePaths.get(id))
                .put("types", new Json.Obj(types))
                .put("functions", new Json.Obj(functions))
                .put("docs", docs(iface.docs()))
                .put("stability", stability(iface.stability()))
                .build();
    }

    private Json world(WorldId id) {
        World world = resolve.get(id);
        return JsonBuilder.object()
                .put("imports", worldItems(world.imports()))
                .put("exports", worldItems(world.exports()))
                .put("docs", docs(world.docs()))
                .put("stability", stability(world.stability()))
                .build();
    }

    private Json worldItems(Map<WorldKey, WorldItem> items) {
        var sorted = new TreeMap<String, Json>();
        items.forEach((key, item) -> sorted.put(switch (key) {
            case WorldKey.Name(String name) -> name;
            case WorldKey.Iface(InterfaceId id) -> "interface " + interfacePaths.get(id);
        }, switch (item) {
            case WorldItem.InterfaceItem i -> JsonBuilder.object()
                    .put("interface", resolve.get(i.id()).name().isPresent() ? Json.of(interfacePaths.get(i.id()))
                            : iface(i.id()))
                    .put("stability", stability(i.stability()))
                    .put("docs", docs(i.docs()))
                    .build();
            case WorldItem.FunctionItem(Function f) -> function(f);
            case WorldItem.TypeItem(TypeId type) -> typeDef(type);
        }));
        return new Json.Obj(sorted);
    }

    private Json typeDef(TypeId id) {
        TypeDef def = resolve.get(id);
        return JsonBuilder.object()
                .put("name", def.name().orElse(null))
                .put("kind", kind(def.kind()))
                .put("owner", owner(def.owner()))
                .put("docs", docs(def.docs()))
                .put("stability", stability(def.stability()))
                .build();
    }

    private Json owner(TypeOwner owner) {
        return switch (owner) {
            case TypeOwner.InInterface(InterfaceId id) -> Json.of(interfacePaths.get(id));
            case TypeOwner.InWorld(WorldId id) -> Json.of(worldPaths.get(id));
            case TypeOwner.NoOwner none -> Json.Null.NULL;
        };
    }

    private Json function(Function f) {
        var params = JsonBuilder.array();
        f.params().forEach(p -> params.add(JsonBuilder.object().put("name", p.name()).put("type", type(p.type()))
                .build()));
        String kind = switch (f.kind()) {
            case FunctionKind.Freestanding x -> "freestanding";
            case FunctionKind.Method x -> "method";
            case FunctionKind.Static x -> "static";
            case FunctionKind.Constructor x -> "constructor";
        };
        return JsonBuilder.object()
                .put("name", f.name())
                .put("kind", kind)
                .put("async", f.kind().isAsync())
                .put("resource", f.kind().owningResource().map(this::named).orElse(Json.Null.NULL))
                .put("params", params.build())
                .put("result", f.result().map(this::type).orElse(Json.Null.NULL))
                .put("docs", docs(f.docs()))
                .put("stability", stability(f.stability()))
                .build();
    }

    /** A type as used: primitives by keyword, named types by path, anonymous types by structure. */
    private Json type(Type type) {
        return switch (type) {
            case Type.Primitive p -> Json.of(p.witName());
            case Type.Ref(TypeId id) -> resolve.get(id).name().isPresent() ? named(id) : kind(resolve.get(id).kind());
        };
    }

    private Json named(TypeId id) {
        TypeDef def = resolve.get(id);
        return Json.of(owner(def.owner()) + "." + def.name().orElse("<anonymous>"));
    }

    /** The kind in wit-parser's JSON shape, with canonical types in place of ids. */
    private Json kind(TypeDefKind kind) {
        return switch (kind) {
            case TypeDefKind.Record r -> tagged("record", array(r.fields().stream().map(f -> JsonBuilder.object()
                    .put("name", f.name()).put("type", type(f.type())).put("docs", docs(f.docs())).build())));
            case TypeDefKind.Variant v -> tagged("variant", array(v.cases().stream().map(c -> JsonBuilder.object()
                    .put("name", c.name()).put("type", c.type().map(this::type).orElse(Json.Null.NULL))
                    .put("docs", docs(c.docs())).build())));
            case TypeDefKind.Flags f -> tagged("flags", array(f.flags().stream().map(x -> JsonBuilder.object()
                    .put("name", x.name()).put("docs", docs(x.docs())).build())));
            case TypeDefKind.Enum e -> tagged("enum", array(e.cases().stream().map(x -> JsonBuilder.object()
                    .put("name", x.name()).put("docs", docs(x.docs())).build())));
            case TypeDefKind.Tuple t -> tagged("tuple", array(t.types().stream().map(this::type)));
            case TypeDefKind.Own o -> tagged("own", named(o.resource()));
            case TypeDefKind.Borrow b -> tagged("borrow", named(b.resource()));
            case TypeDefKind.Option o -> tagged("option", type(o.type()));
            case TypeDefKind.Result r -> tagged("result", JsonBuilder.object()
                    .put("ok", r.ok().map(this::type).orElse(Json.Null.NULL))
                    .put("err", r.err().map(this::type).orElse(Json.Null.NULL)).build());
            case TypeDefKind.List l -> tagged("list", type(l.element()));
            case TypeDefKind.FixedSizeList l -> tagged("fixed-length-list", JsonBuilder.array()
                    .add(type(l.element())).add(l.size()).build());
            case TypeDefKind.Map m -> tagged("map", JsonBuilder.array().add(type(m.key())).add(type(m.value()))
                    .build());
            case TypeDefKind.Future f -> tagged("future", f.payload().map(this::type).orElse(Json.Null.NULL));
            case TypeDefKind.Stream s -> tagged("stream", s.element().map(this::type).orElse(Json.Null.NULL));
            case TypeDefKind.Alias a -> tagged("type", type(a.target()));
            case TypeDefKind.Resource r -> Json.of("resource");
            case TypeDefKind.Unknown u -> Json.of("unknown");
        };
    }

    private static Json docs(Docs docs) {
        return Json.of(docs.contents().orElse(null));
    }

    private static Json stability(Stability stability) {
        return stability.isUnknown() ? Json.Null.NULL : Json.of(stability.toString());
    }

    private static Json tagged(String tag, Json value) {
        return JsonBuilder.object().put(tag, value).build();
    }

    private static Json array(java.util.stream.Stream<Json> items) {
        var a = JsonBuilder.array();
        items.forEach(a::add);
        return a.build();
    }
}
