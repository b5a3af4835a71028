package dev.jwc.wit.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.ResolveBuilder;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.Version;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Layout checks on hand-built models; the parse round trip is covered by the conformance runner. */
class WitPrinterTest {
    private static final PackageId MAIN = new PackageId(0);
    private static final PackageId DEP = new PackageId(1);

    @Test
    void printsUsesResourcesGatesDocsKeywordsWorldsAndNestedPackages() {
        var b = new ResolveBuilder();
        InterfaceId types = new InterfaceId(0);
        InterfaceId api = new InterfaceId(1);
        InterfaceId foreign = new InterfaceId(2);
        TypeId r = b.add(named("r", new TypeDefKind.Resource(), types, Docs.of("A resource.\n\nSecond paragraph."),
                new Stability.Stable(Version.parse("1.0.0"), Optional.of(Version.parse("1.1.0")))));
        TypeId borrowR = b.add(TypeDef.anonymous(new TypeDefKind.Borrow(r)));
        TypeId ownR = b.add(TypeDef.anonymous(new TypeDefKind.Own(r)));
        TypeId rec = b.add(named("type", new TypeDefKind.Record(List.of(
                new TypeDefKind.Field("list", Type.U8, Docs.of("field docs")))), types, Docs.NONE,
                Stability.UNKNOWN));
        TypeId t2 = b.add(named("t2", new TypeDefKind.Alias(Type.U32), foreign, Docs.NONE, Stability.UNKNOWN));
        TypeId useR = b.add(named("r", new TypeDefKind.Alias(Type.of(r)), api, Docs.NONE, Stability.UNKNOWN));
        TypeId useRec = b.add(named("rec", new TypeDefKind.Alias(Type.of(rec)), api, Docs.NONE, Stability.UNKNOWN));
        TypeId useT2 = b.add(named("t2", new TypeDefKind.Alias(Type.of(t2)), api, Docs.NONE,
                new Stability.Unstable("fancy")));
        TypeId result = b.add(TypeDef.anonymous(new TypeDefKind.Result(Optional.empty(), Optional.of(Type.STRING))));
        TypeId stream = b.add(TypeDef.anonymous(new TypeDefKind.Stream(Optional.of(Type.U8))));
        TypeId fixed = b.add(TypeDef.anonymous(new TypeDefKind.FixedSizeList(Type.F32, 4)));

        var typesFunctions = new LinkedHashMap<String, Function>();
        typesFunctions.put("[constructor]r", fn("[constructor]r", new FunctionKind.Constructor(r), List.of(), ownR));
        typesFunctions.put("[method]r.get", fn("[method]r.get", new FunctionKind.Method(r, true),
                List.of(new Param("self", Type.of(borrowR))), stream));
        typesFunctions.put("[static]r.make", fn("[static]r.make", new FunctionKind.Static(r, false),
                List.of(new Param("from", Type.of(fixed))), result));
        typesFunctions.put("func", fn("func", new FunctionKind.Freestanding(false), List.of(), null));
        b.add(iface("types", ordered("r", r, "type", rec), typesFunctions, MAIN));
        b.add(iface("api", ordered("r", useR, "rec", useRec, "t2", useT2), Map.of(), MAIN));
        b.add(iface("foreign", Map.of("t2", t2), Map.of(), DEP));
        var imports = new LinkedHashMap<WorldKey, WorldItem>();
        imports.put(new WorldKey.Iface(foreign), new WorldItem.InterfaceItem(foreign, Stability.UNKNOWN));
        imports.put(new WorldKey.Name("f"), new WorldItem.FunctionItem(
                fn("f", new FunctionKind.Freestanding(true), List.of(new Param("x", Type.of(borrowR))), null)));
        var exports = Map.<WorldKey, WorldItem>of(new WorldKey.Iface(api),
                new WorldItem.InterfaceItem(api, new Stability.Stable(Version.parse("1.0.0"))));
        var w = b.add(new World("w", imports, exports, Optional.of(MAIN), Docs.of("The world."), Stability.UNKNOWN));
        b.add(new WitPackage(new PackageName("my", "pkg", Version.parse("1.0.0")), Docs.of("Package docs."),
                ordered("types", types, "api", api), Map.of("w", w)));
        b.add(new WitPackage(new PackageName("dep", "x"), Docs.NONE, Map.of("foreign", foreign), Map.of()));

        String text = WitPrinter.print(b.build(), MAIN, List.of(DEP));

        assertThat(text).isEqualTo("""
                /// Package docs.
                package my:pkg@1.0.0;

                interface types {
                  /// A resource.
                  ///
                  /// Second paragraph.
                  @since(version = 1.0.0)
                  @deprecated(version = 1.1.0)
                  resource r {
                    constructor();
                    get: async func() -> stream<u8>;
                    make: static func(%from: list<f32, 4>) -> result<_, string>;
                  }

                  record %type {
                    /// field docs
                    %list: u8,
                  }

                  %func: func();
                }

                interface api {
                  use types.{r, %type as rec};
                  @unstable(feature = fancy)
                  use dep:x/foreign.{t2};
                }

                /// The world.
                world w {
                  import dep:x/foreign;
                  import f: async func(x: borrow<r>);

                  @since(version = 1.0.0)
                  export api;
                }
                package dep:x {
                  interface foreign {
                    type t2 = u32;
                  }
                }
                """);
    }

    @Test
    void refusesWhatWitCannotExpress() {
        var b = new ResolveBuilder();
        TypeId anon = b.add(TypeDef.anonymous(new TypeDefKind.Enum(List.of())));
        b.add(iface("i", Map.of(), Map.of("f", fn("f", new FunctionKind.Freestanding(false), List.of(),
                anon)), MAIN));
        b.add(new WitPackage(new PackageName("a", "b"), Docs.NONE, Map.of("i", new InterfaceId(0)), Map.of()));

        assertThatThrownBy(() -> WitPrinter.print(b.build(), MAIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("anonymous enum");
    }

    @Test
    void printsOneTypeOneSignatureAndOneDeclaration() {
        var b = new ResolveBuilder();
        InterfaceId owner = new InterfaceId(0);
        TypeId r = b.add(named("r", new TypeDefKind.Resource(), owner, Docs.NONE, Stability.UNKNOWN));
        TypeId borrowR = b.add(TypeDef.anonymous(new TypeDefKind.Borrow(r)));
        TypeId list = b.add(TypeDef.anonymous(new TypeDefKind.List(Type.STRING)));
        TypeId point = b.add(named("point", new TypeDefKind.Record(List.of(
                new TypeDefKind.Field("x", Type.U32, Docs.NONE))), owner, Docs.NONE, Stability.UNKNOWN));
        Function get = fn("[method]r.get", new FunctionKind.Method(r, false),
                List.of(new Param("self", Type.of(borrowR)), new Param("type", Type.U8)), list);
        b.add(iface("i", ordered("r", r, "point", point), Map.of("[method]r.get", get), MAIN));
        b.add(new WitPackage(new PackageName("my", "pkg"), Docs.NONE, Map.of("i", owner), Map.of()));
        var resolve = b.build();

        assertThat(WitPrinter.typeName(resolve, Type.of(list))).isEqualTo("list<string>");
        assertThat(WitPrinter.signature(resolve, get)).isEqualTo("func(%type: u8) -> list<string>");
        assertThat(WitPrinter.declaration(resolve, point, List.of())).isEqualTo("record point {\n  x: u32,\n}\n");
        assertThat(WitPrinter.declaration(resolve, r, List.of(get)))
                .isEqualTo("resource r {\n  get: func(%type: u8) -> list<string>;\n}\n");
    }

    private static <K, V> Map<K, V> ordered(K k1, V v1, K k2, V v2) {
        var map = new LinkedHashMap<K, V>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static <K, V> Map<K, V> ordered(K k1, V v1, K k2, V v2, K k3, V v3) {
        var map = ordered(k1, v1, k2, v2);
        map.put(k3, v3);
        return map;
    }

    private static TypeDef named(String name, TypeDefKind kind, InterfaceId owner, Docs docs, Stability stability) {
        return TypeDef.named(name, kind, new TypeOwner.InInterface(owner), docs, stability);
    }

    private static Interface iface(String name, Map<String, TypeId> types, Map<String, Function> functions,
                                   PackageId pkg) {
        return new Interface(Optional.of(name), types, functions, Docs.NONE, Stability.UNKNOWN, Optional.of(pkg));
    }

    private static Function fn(String name, FunctionKind kind, List<Param> params, TypeId result) {
        return new Function(name, kind, params, Optional.ofNullable(result).map(Type::of), Docs.NONE,
                Stability.UNKNOWN);
    }
}
