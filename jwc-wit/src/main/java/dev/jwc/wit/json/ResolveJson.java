package dev.jwc.wit.json;

import dev.jwc.json.Json;
import dev.jwc.json.JsonBuilder;
import dev.jwc.json.JsonBuilder.ObjBuilder;
import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of a {@link Resolve}, exactly as wit-parser serializes its {@code Resolve} with serde (the
 * {@code *.wit.json} files of its tests): four arrays {@code worlds}, {@code interfaces}, {@code types},
 * {@code packages}; items refer to each other by index; a type is its WIT keyword or a type index; docs and
 * stability appear only when present.
 */
public final class ResolveJson {
    private ResolveJson() {}

    public static Json.Obj toJson(Resolve resolve) {
        return JsonBuilder.object()
                .put("worlds", array(resolve.worlds(), ResolveJson::world))
                .put("interfaces", array(resolve.interfaces(), ResolveJson::iface))
                .put("types", array(resolve.types(), ResolveJson::typeDef))
                .put("packages", array(resolve.packages(), ResolveJson::pkg))
                .build();
    }

    private static Json world(World w) {
        var o = JsonBuilder.object()
                .put("name", w.name())
                .put("imports", worldItems(w.imports()))
                .put("exports", worldItems(w.exports()))
                .put("package", optionalId(w.pkg()));
        docsAndStability(o, w.docs(), w.stability());
        return o.build();
    }

    private static Json worldItems(Map<WorldKey, WorldItem> items) {
        var o = JsonBuilder.object();
        items.forEach((key, item) -> o.put(key(key), worldItem(item)));
        return o.build();
    }

    private static String key(WorldKey key) {
        return switch (key) {
            case WorldKey.Name(String name) -> name;
            case WorldKey.Iface(var id) -> "interface-" + id.index();
        };
    }

    private static Json worldItem(WorldItem item) {
        return switch (item) {
            case WorldItem.InterfaceItem i -> {
                var o = JsonBuilder.object().put("id", i.id().index());
                stability(o, i.stability());
                docs(o, i.docs());
                yield JsonBuilder.object().put("interface", o.build()).build();
            }
            case WorldItem.FunctionItem(Function f) -> JsonBuilder.object().put("function", function(f)).build();
            case WorldItem.TypeItem(var id) -> JsonBuilder.object().put("type", id.index()).build();
        };
    }

    private static Json iface(Interface i) {
        var types = JsonBuilder.object();
        i.types().forEach((name, id) -> types.put(name, id.index()));
        var functions = JsonBuilder.object();
        i.functions().forEach((name, f) -> functions.put(name, function(f)));
        var o = JsonBuilder.object()
                .put("name", i.name().orElse(null))
                .put("types", types.build())
                .put("functions", functions.build());
        docsAndStability(o, i.docs(), i.stability());
        return o.put("package", optionalId(i.pkg())).build();
    }

    private static Json function(Function f) {
        var params = JsonBuilder.array();
        f.params().forEach(p -> params.add(JsonBuilder.object().put("name", p.name()).put("type", type(p.type()))
                .build()));
        var o = JsonBuilder.object()
                .put("name", f.name())
                .put("kind", functionKind(f.kind()))
                .put("params", params.build());
        f.result().ifPresent(t -> o.put("result", type(t)));
        docsAndStability(o, f.docs(), f.stability());
        return o.build();
    }

    private static Json functionKind(FunctionKind kind) {
        String prefix = kind.isAsync() ? "async-" : "";
        return switch (kind) {
            case FunctionKind.Freestanding f -> Json.of(prefix + "freestanding");
            case FunctionKind.Method m -> tagged(prefix + "method", Json.of(m.resource().index()));
            case FunctionKind.Static s -> tagged(prefix + "static", Json.of(s.resource().index()));
            case FunctionKind.Constructor c -> tagged("constructor", Json.of(c.resource().index()));
        };
    }

    private static Json typeDef(TypeDef t) {
        var o = JsonBuilder.object()
                .put("name", t.name().orElse(null))
                .put("kind", kind(t.kind()))
                .put("owner", owner(t.owner()));
        docsAndStability(o, t.docs(), t.stability());
        return o.build();
    }

    private static Json owner(TypeOwner owner) {
        return switch (owner) {
            case TypeOwner.InInterface(var id) -> tagged("interface", Json.of(id.index()));
            case TypeOwner.InWorld(var id) -> tagged("world", Json.of(id.index()));
            case TypeOwner.NoOwner none -> Json.Null.NULL;
        };
    }

    private static Json kind(TypeDefKind kind) {
        return switch (kind) {
            case TypeDefKind.Record r -> tagged("record", JsonBuilder.object()
                    .put("fields", array(r.fields(), f -> withDocs(JsonBuilder.object()
                            .put("name", f.name()).put("type", type(f.type())), f.docs())))
                    .build());
            case TypeDefKind.Resource r -> Json.of("resource");
            case TypeDefKind.Own o -> tagged("handle", tagged("own", Json.of(o.resource().index())));
            case TypeDefKind.Borrow b -> tagged("handle", tagged("borrow", Json.of(b.resource().index())));
            case TypeDefKind.Flags f -> tagged("flags", JsonBuilder.object()
                    .put("flags", array(f.flags(), flag -> withDocs(JsonBuilder.object()
                            .put("name", flag.name()), flag.docs())))
                    .build());
            case TypeDefKind.Tuple t -> tagged("tuple", JsonBuilder.object()
                    .put("types", array(t.types(), ResolveJson::type)).build());
            case TypeDefKind.Variant v -> tagged("variant", JsonBuilder.object()
                    .put("cases", array(v.cases(), c -> withDocs(JsonBuilder.object()
                            .put("name", c.name()).put("type", optionalType(c.type())), c.docs())))
                    .build());
            case TypeDefKind.Enum e -> tagged("enum", JsonBuilder.object()
                    .put("cases", array(e.cases(), c -> withDocs(JsonBuilder.object()
                            .put("name", c.name()), c.docs())))
                    .build());
            case TypeDefKind.Option o -> tagged("option", type(o.type()));
            case TypeDefKind.Result r -> tagged("result", JsonBuilder.object()
                    .put("ok", optionalType(r.ok())).put("err", optionalType(r.err())).build());
            case TypeDefKind.List l -> tagged("list", type(l.element()));
            case TypeDefKind.FixedSizeList l -> tagged("fixed-length-list",
                    JsonBuilder.array().add(type(l.element())).add(l.size()).build());
            case TypeDefKind.Map m -> tagged("map", JsonBuilder.array().add(type(m.key())).add(type(m.value())).build());
            case TypeDefKind.Future f -> tagged("future", optionalType(f.payload()));
            case TypeDefKind.Stream s -> tagged("stream", optionalType(s.element()));
            case TypeDefKind.Alias a -> tagged("type", type(a.target()));
            case TypeDefKind.Unknown u -> Json.of("unknown");
        };
    }

    private static Json pkg(WitPackage p) {
        var interfaces = JsonBuilder.object();
        p.interfaces().forEach((name, id) -> interfaces.put(name, id.index()));
        var worlds = JsonBuilder.object();
        p.worlds().forEach((name, id) -> worlds.put(name, id.index()));
        var o = JsonBuilder.object().put("name", p.name().toString());
        docs(o, p.docs());
        return o.put("interfaces", interfaces.build()).put("worlds", worlds.build()).build();
    }

    /** A primitive is its WIT keyword, a type definition its index. */
    public static Json type(Type type) {
        return switch (type) {
            case Type.Primitive p -> Json.of(p.witName());
            case Type.Ref(var id) -> Json.of(id.index());
        };
    }

    private static Json optionalType(Optional<Type> type) {
        return type.map(ResolveJson::type).orElse(Json.Null.NULL);
    }

    private static Json optionalId(Optional<PackageId> id) {
        return id.map(p -> Json.of(p.index())).orElse(Json.Null.NULL);
    }

    private static void docsAndStability(ObjBuilder o, Docs docs, Stability stability) {
        docs(o, docs);
        stability(o, stability);
    }

    private static Json withDocs(ObjBuilder o, Docs docs) {
        docs(o, docs);
        return o.build();
    }

    private static void docs(ObjBuilder o, Docs docs) {
        docs.contents().ifPresent(c -> o.put("docs", JsonBuilder.object().put("contents", c).build()));
    }

    private static void stability(ObjBuilder o, Stability stability) {
        switch (stability) {
            case Stability.Stable s -> {
                var inner = JsonBuilder.object().put("since", s.since().toString());
                s.deprecated().ifPresent(v -> inner.put("deprecated", v.toString()));
                o.put("stability", tagged("stable", inner.build()));
            }
            case Stability.Unstable u -> {
                var inner = JsonBuilder.object().put("feature", u.feature());
                u.deprecated().ifPresent(v -> inner.put("deprecated", v.toString()));
                o.put("stability", tagged("unstable", inner.build()));
            }
            case Stability.Unknown u -> { }
        }
    }

    private static Json tagged(String tag, Json value) {
        return JsonBuilder.object().put(tag, value).build();
    }

    private static <T> Json array(List<T> items, java.util.function.Function<T, Json> toJson) {
        var a = JsonBuilder.array();
        items.forEach(item -> a.add(toJson.apply(item)));
        return a.build();
    }
}
