package dev.jwc.wit.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.json.Json;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.Resolve;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Hand-built models that mirror wit-parser's expected {@code *.wit.json} files must serialize to them exactly. */
class ResolveJsonTest {
    private static final PackageId P0 = new PackageId(0);

    @Test
    void randomWithDocsAndAnonymousList() throws IOException {
        var b = new ResolveBuilder();
        TypeId bytes = b.add(TypeDef.anonymous(new TypeDefKind.List(Type.U8)));
        var functions = new LinkedHashMap<String, Function>();
        functions.put("get-random-bytes", new Function("get-random-bytes", new FunctionKind.Freestanding(false),
                List.of(new Param("len", Type.U64)), Optional.of(Type.of(bytes)), Docs.of(
                "Return `len` cryptographically-secure random or pseudo-random bytes.\n\nThis function must produce"
                + " data at least as cryptographically secure and\nfast as an adequately seeded"
                + " cryptographically-secure pseudo-random\nnumber generator (CSPRNG). It must not block, from the"
                + " perspective of\nthe calling program, under any circumstances, including on the first\nrequest"
                + " and on requests for numbers of bytes. The returned data must\nalways be unpredictable.\n\nThis"
                + " function must always return fresh data. Deterministic environments\nmust omit this function,"
                + " rather than implementing it with deterministic\ndata."), Stability.UNKNOWN));
        functions.put("get-random-u64", new Function("get-random-u64", new FunctionKind.Freestanding(false),
                List.of(), Optional.of(Type.U64), Docs.of("Return a cryptographically-secure random or"
                + " pseudo-random `u64` value.\n\nThis function returns the same type of data as"
                + " `get-random-bytes`,\nrepresented as a `u64`."), Stability.UNKNOWN));
        InterfaceId random = b.add(new Interface(Optional.of("random"), Map.of(), functions, Docs.of(
                "WASI Random is a random data API.\n\nIt is intended to be portable at least between Unix-family"
                + " platforms and\nWindows."), Stability.UNKNOWN, Optional.of(P0)));
        b.add(new WitPackage(new PackageName("wasi", "random"), Docs.NONE, Map.of("random", random), Map.of()));

        assertMatches(b.build(), "random.wit.json");
    }

    @Test
    void worldTopLevelFunctions() throws IOException {
        var b = new ResolveBuilder();
        TypeId listU32 = b.add(TypeDef.anonymous(new TypeDefKind.List(Type.U32)));
        TypeId optionU32 = b.add(TypeDef.anonymous(new TypeDefKind.Option(Type.U32)));
        TypeId listOption = b.add(TypeDef.anonymous(new TypeDefKind.List(Type.of(optionU32))));
        var imports = new LinkedHashMap<WorldKey, WorldItem>();
        imports.put(new WorldKey.Name("foo"), function("foo", List.of(), Optional.empty()));
        imports.put(new WorldKey.Name("bar"), function("bar", List.of(new Param("arg", Type.of(listU32))),
                Optional.empty()));
        var exports = new LinkedHashMap<WorldKey, WorldItem>();
        exports.put(new WorldKey.Name("foo2"), function("foo2", List.of(), Optional.empty()));
        exports.put(new WorldKey.Name("some-name"), function("some-name", List.of(), Optional.of(Type.of(listOption))));
        var world = b.add(new World("foo", imports, exports, Optional.of(P0), Docs.NONE, Stability.UNKNOWN));
        b.add(new WitPackage(new PackageName("foo", "foo"), Docs.NONE, Map.of(), Map.of("foo", world)));

        assertMatches(b.build(), "world-top-level-funcs.wit.json");
    }

    @Test
    void asyncFunctionsAndResourceFunctionKinds() throws IOException {
        var b = new ResolveBuilder();
        InterfaceId x = new InterfaceId(0);
        TypeId z = b.add(TypeDef.named("z", new TypeDefKind.Resource(), new TypeOwner.InInterface(x), Docs.NONE,
                Stability.UNKNOWN));
        TypeId borrowZ = b.add(TypeDef.anonymous(new TypeDefKind.Borrow(z)));
        TypeId ownZ = b.add(TypeDef.anonymous(new TypeDefKind.Own(z)));
        var self = List.of(new Param("self", Type.of(borrowZ)));
        var functions = new LinkedHashMap<String, Function>();
        for (Function f : List.of(
                fn("x", new FunctionKind.Freestanding(true), List.of(new Param("x", Type.U32)), Type.U64),
                fn("y", new FunctionKind.Freestanding(false), List.of(), null),
                fn("[constructor]z", new FunctionKind.Constructor(z), List.of(), Type.of(ownZ)),
                fn("[method]z.x", new FunctionKind.Method(z, true), self, null),
                fn("[method]z.y", new FunctionKind.Method(z, false), self, null),
                fn("[static]z.static-x", new FunctionKind.Static(z, true), List.of(), null),
                fn("[static]z.static-y", new FunctionKind.Static(z, false), List.of(), null))) {
            functions.put(f.name(), f);
        }
        b.add(new Interface(Optional.of("x"), Map.of("z", z), functions, Docs.NONE, Stability.UNKNOWN,
                Optional.of(P0)));
        var items = new LinkedHashMap<WorldKey, WorldItem>();
        items.put(new WorldKey.Name("x"), new WorldItem.FunctionItem(
                fn("x", new FunctionKind.Freestanding(true), List.of(), null)));
        items.put(new WorldKey.Name("y"), function("y", List.of(), Optional.empty()));
        var world = b.add(new World("y", items, items, Optional.of(P0), Docs.NONE, Stability.UNKNOWN));
        b.add(new WitPackage(new PackageName("test", "async"), Docs.NONE, Map.of("x", x), Map.of("y", world)));

        assertMatches(b.build(), "async.wit.json");
    }

    @Test
    void nestedPackagesWithVersions() throws IOException {
        var b = new ResolveBuilder();
        TypeId error = b.add(TypeDef.named("error", new TypeDefKind.Resource(),
                new TypeOwner.InInterface(new InterfaceId(0)), Docs.NONE, Stability.UNKNOWN));
        InterfaceId errorIface = b.add(new Interface(Optional.of("error"), Map.of("error", error), Map.of(),
                Docs.NONE, Stability.UNKNOWN, Optional.of(P0)));
        InterfaceId foo = b.add(new Interface(Optional.of("foo"), Map.of(), Map.of(), Docs.NONE, Stability.UNKNOWN,
                Optional.of(new PackageId(1))));
        b.add(new WitPackage(new PackageName("wasi", "io", Version.parse("0.1.0")), Docs.NONE,
                Map.of("error", errorIface), Map.of()));
        b.add(new WitPackage(new PackageName("a", "b", Version.parse("0.1.0")), Docs.NONE, Map.of("foo", foo),
                Map.of()));

        assertMatches(b.build(), "unstable-resource.wit.json");
    }

    @Test
    void stabilityAndInterfaceKeysAndKindsWithoutAFile() {
        var b = new ResolveBuilder();
        InterfaceId i = new InterfaceId(0);
        TypeId r = b.add(new TypeDef(Optional.of("r"), new TypeDefKind.Result(Optional.empty(),
                Optional.of(Type.ERROR_CONTEXT)), new TypeOwner.InInterface(i), Docs.NONE,
                new Stability.Stable(Version.parse("1.0.0"), Optional.of(Version.parse("1.0.1"))), Optional.empty()));
        TypeId f = b.add(TypeDef.anonymous(new TypeDefKind.FixedSizeList(Type.U32, 4)));
        TypeId s = b.add(TypeDef.anonymous(new TypeDefKind.Stream(Optional.empty())));
        b.add(new Interface(Optional.empty(), Map.of("r", r), Map.of(), Docs.NONE,
                new Stability.Unstable("fancy"), Optional.of(P0)));
        var imports = Map.<WorldKey, WorldItem>of(new WorldKey.Iface(i),
                new WorldItem.InterfaceItem(i, new Stability.Unstable("fancy")));
        b.add(new World("w", imports, Map.of(), Optional.of(P0), Docs.of("d"), Stability.UNKNOWN));
        b.add(new WitPackage(new PackageName("a", "b"), Docs.NONE, Map.of(), Map.of()));

        Json.Obj json = ResolveJson.toJson(b.build());

        assertThat(json).isEqualTo(Json.parse("""
                {"worlds": [{"name": "w", "imports": {"interface-0": {"interface": {"id": 0,
                   "stability": {"unstable": {"feature": "fancy"}}}}}, "exports": {}, "package": 0,
                   "docs": {"contents": "d"}}],
                 "interfaces": [{"name": null, "types": {"r": 0}, "functions": {},
                   "stability": {"unstable": {"feature": "fancy"}}, "package": 0}],
                 "types": [
                   {"name": "r", "kind": {"result": {"ok": null, "err": "error-context"}},
                    "owner": {"interface": 0}, "stability": {"stable": {"since": "1.0.0", "deprecated": "1.0.1"}}},
                   {"name": null, "kind": {"fixed-length-list": ["u32", 4]}, "owner": null},
                   {"name": null, "kind": {"stream": null}, "owner": null}],
                 "packages": [{"name": "a:b", "interfaces": {}, "worlds": {}}]}
                """));
        assertThat(List.copyOf(((Json.Obj) ((Json.Arr) json.get("interfaces")).elements().get(0)).members().keySet()))
                .containsExactly("name", "types", "functions", "stability", "package");
    }

    private static WorldItem function(String name, List<Param> params, Optional<Type> result) {
        return new WorldItem.FunctionItem(new Function(name, new FunctionKind.Freestanding(false), params, result,
                Docs.NONE, Stability.UNKNOWN));
    }

    private static Function fn(String name, FunctionKind kind, List<Param> params, Type result) {
        return new Function(name, kind, params, Optional.ofNullable(result), Docs.NONE, Stability.UNKNOWN);
    }

    /** Compares with wit-parser's expected file, as a value and as pretty-printed text (key order included). */
    private static void assertMatches(Resolve model, String expectedFile) throws IOException {
        Path shared = SharedSuite.root();
        Path file = shared.resolve("conformance/wasm-tools/crates/wit-parser/tests/ui").resolve(expectedFile);
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared not found: " + expectedFile + " skipped");
        String expected = Files.readString(file);
        Json.Obj actual = ResolveJson.toJson(model);
        assertThat(actual).isEqualTo(Json.parse(expected));
        assertThat(actual.toPrettyString().strip()).isEqualTo(expected.strip());
    }
}
