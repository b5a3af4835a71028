package dev.jwc.wit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.wit.json.ResolveJson;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.FunctionKind;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import dev.jwc.wit.print.WitPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per construct of WIT.md: each input is loaded, its model checked, printed, and the printed text must
 * load again and print the same (print → parse is a fixpoint).
 */
class WitLanguageTest {
    @TempDir
    Path dir;
    private int files;

    private WitLoader.Result load(String text) throws IOException {
        Path file = dir.resolve("f" + files++ + ".wit");
        Files.writeString(file, text);
        return WitLoader.withFeatures(Set.of()).load(file);
    }

    /** Loads {@code text}, checks that its printed form is a fixpoint and returns the first model. */
    private WitLoader.Result roundTrip(String text) throws IOException {
        WitLoader.Result first = load(text);
        String printed = WitPrinter.print(first.resolve(), first.main(), first.nested());
        WitLoader.Result second = load(printed);
        assertThat(WitPrinter.print(second.resolve(), second.main(), second.nested())).isEqualTo(printed);
        return first;
    }

    private static String print(WitLoader.Result r) {
        return WitPrinter.print(r.resolve(), r.main(), r.nested());
    }

    private static Interface iface(Resolve r, String name) {
        return r.interfaces().stream().filter(i -> i.name().equals(Optional.of(name))).findFirst().orElseThrow();
    }

    private static World world(Resolve r, String name) {
        return r.worlds().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private WitException fail(String text) throws IOException {
        try {
            load(text);
        } catch (WitException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void externalIdsAreKeptOnEveryItemThatTakesOne() throws IOException {
        WitLoader.Result r = roundTrip("""
                package a:b;
                interface i {
                  @external-id("type")
                  type t = u32;
                  @external-id("res")
                  resource r {
                    @external-id("ctor")
                    constructor();
                    @external-id("method")
                    m: func();
                  }
                  @external-id("func")
                  f: func();
                }
                world w {
                  @external-id("by reference")
                  import i;
                  @external-id("labelled")
                  import other: i;
                  @external-id("world use")
                  use i.{t};
                  @external-id("world func")
                  export g: func();
                }
                """);
        Resolve resolve = r.resolve();
        Interface i = iface(resolve, "i");
        assertThat(resolve.get(i.types().get("t")).externalId()).contains("type");
        assertThat(resolve.get(i.types().get("r")).externalId()).contains("res");
        assertThat(i.functions().get("[constructor]r").externalId()).contains("ctor");
        assertThat(i.functions().get("[method]r.m").externalId()).contains("method");
        assertThat(i.functions().get("f").externalId()).contains("func");
        World w = world(resolve, "w");
        assertThat(w.imports().values()).filteredOn(WorldItem.InterfaceItem.class::isInstance)
                .extracting(item -> ((WorldItem.InterfaceItem) item).externalId().orElseThrow())
                .containsExactly("by reference", "labelled");
        TypeDef used = resolve.get(((WorldItem.TypeItem) w.imports().get(new WorldKey.Name("t"))).id());
        assertThat(used.externalId()).contains("world use");
        Function g = ((WorldItem.FunctionItem) w.exports().get(new WorldKey.Name("g"))).function();
        assertThat(g.externalId()).contains("world func");
        assertThat(print(r)).contains("  @external-id(\"method\")\n    m: func();", "@external-id(\"world use\")\n  use i.{t};");
        assertThat(ResolveJson.toJson(resolve).toPrettyString()).contains("\"external_id\": \"func\"");
    }

    @Test
    void externalIdStringsUseWasmNameEscapes() throws IOException {
        WitLoader.Result r = roundTrip("""
                package a:b;
                interface i {
                  @external-id("tab\\t quote\\" slash\\\\ snow\\e2\\98\\83 \\u{1F600}\\41")
                  f: func();
                }
                """);
        assertThat(iface(r.resolve(), "i").functions().get("f").externalId())
                .contains("tab\t quote\" slash\\ snow\u2603 \uD83D\uDE00A");
        assertThat(print(r)).contains("@external-id(\"tab\\t quote\\\" slash\\\\ snow\u2603 \uD83D\uDE00A\")");
    }

    @Test
    void badExternalIdsAreReportedWhereTheyAre() throws IOException {
        WitException utf8 = fail("package a:b;\ninterface i {\n  @external-id(\"\\ff\")\n  f: func();\n}\n");
        assertThat(utf8.line()).isEqualTo(3);
        assertThat(utf8.detail()).isEqualTo("string literal is not valid UTF-8");
        WitException unterminated = fail("package a:b;\ninterface i {\n  @external-id(\"abc\n  f: func();\n}\n");
        assertThat(unterminated.column()).isEqualTo(16);
        assertThat(unterminated.detail()).isEqualTo("unterminated string literal");
        WitException escape = fail("package a:b;\ninterface i {\n  @external-id(\"a\\q\")\n  f: func();\n}\n");
        assertThat(escape.column()).isEqualTo(18);
        assertThat(fail("package a:b;\n@external-id(\"x\")\ninterface i {}\n").detail())
                .isEqualTo("`@external-id` is not allowed on an interface definition");
        assertThat(fail("package a:b;\ninterface i {\n  @external-id(\"x\")\n  @external-id(\"y\")\n  f: func();\n}\n")
                .detail()).isEqualTo("duplicate `@external-id` attribute");
        assertThat(fail("package a:b;\ninterface i {\n  @external-id(x)\n  f: func();\n}\n").detail())
                .isEqualTo("expected a string, found an identifier");
    }

    @Test
    void labelledExportsOfOneInterfaceAreAllKept() throws IOException {
        WitLoader.Result r = roundTrip("""
                package a:b;
                interface store {
                  get: func() -> u32;
                }
                world w {
                  export primary: store;
                  export backup: store;
                  import store;
                  import cache: store;
                }
                """);
        World w = world(r.resolve(), "w");
        assertThat(w.exports().keySet()).containsExactly(new WorldKey.Name("primary"), new WorldKey.Name("backup"));
        assertThat(w.imports()).hasSize(2);
        assertThat(print(r)).contains("  export primary: store;\n  export backup: store;\n");
    }

    @Test
    void docsOnByReferenceImportsAndExportsAreKept() throws IOException {
        WitLoader.Result r = roundTrip("""
                package a:b;
                /// the interface
                interface i {}
                interface j {}
                world w {
                  /// on the import
                  import i;
                  /// on the export
                  export j;
                  /// on the labelled import
                  import k: j;
                }
                """);
        World w = world(r.resolve(), "w");
        assertThat(w.imports().values()).extracting(item -> ((WorldItem.InterfaceItem) item).docs().contents()
                .orElseThrow()).containsExactly("on the import", "on the labelled import");
        assertThat(((WorldItem.InterfaceItem) w.exports().values().iterator().next()).docs().contents())
                .contains("on the export");
        assertThat(iface(r.resolve(), "i").docs().contents()).contains("the interface");
        assertThat(ResolveJson.toJson(r.resolve()).toPrettyString()).contains("\"contents\": \"on the export\"");
    }

    @Test
    void nestedPackagesArePrintedInTheOrderTheyAreWritten() throws IOException {
        WitLoader.Result r = roundTrip("""
                package a:main;
                world w {
                  import c:dep/i;
                }
                package z:last {
                  interface unused {}
                }
                package c:dep {
                  interface i {}
                }
                """);
        assertThat(r.nested()).extracting(id -> r.resolve().get(id).name().toString())
                .containsExactly("z:last", "c:dep");
        String printed = print(r);
        assertThat(printed.indexOf("package z:last")).isLessThan(printed.indexOf("package c:dep"));
    }

    @Test
    void typesOfEveryShapeRoundTrip() throws IOException {
        WitLoader.Result r = roundTrip("""
                package a:b;
                interface i {
                  resource r;
                  type m = map<string, list<u8, 4>>;
                  type fixed = list<list<r, 2>, 3>;
                  type s = stream;
                  type f = future;
                  type sp = stream<error-context>;
                  type fp = future<option<r>>;
                  type r0 = result;
                  type r1 = result<u8>;
                  type r2 = result<_, string>;
                  type r3 = result<tuple<u8, char>, borrow<r>>;
                  type e = error-context;
                }
                """);
        Interface i = iface(r.resolve(), "i");
        assertThat(r.resolve().get(i.types().get("s")).kind()).isEqualTo(new TypeDefKind.Stream(Optional.empty()));
        assertThat(r.resolve().get(i.types().get("f")).kind()).isEqualTo(new TypeDefKind.Future(Optional.empty()));
        assertThat(print(r)).contains("type m = map<string, list<u8, 4>>;", "type r2 = result<_, string>;");
        assertThat(fail("package a:b;\ninterface i {\n  type t = list<u8, 0>;\n}\n").column()).isEqualTo(21);
        assertThat(fail("package a:b;\ninterface i {\n  type t = map<f32, u8>;\n}\n").detail())
                .startsWith("invalid map key type");
    }

    @Test
    void asyncIsAcceptedInEveryFunctionPosition() throws IOException {
        WitLoader.Result r = roundTrip("""
                package a:b;
                interface i {
                  resource r {
                    m: async func();
                    s: static async func() -> r;
                  }
                  f: async func(x: stream<u8>) -> future<u8>;
                }
                world w {
                  import g: async func();
                  export h: async func();
                  export x: interface {
                    y: async func();
                  }
                }
                """);
        Interface i = iface(r.resolve(), "i");
        assertThat(i.functions().values()).extracting(f -> f.kind().isAsync()).containsOnly(true);
        assertThat(i.functions().get("[static]r.s").kind()).isInstanceOf(FunctionKind.Static.class);
        assertThat(print(r)).contains("m: async func();", "s: static async func() -> r;", "import g: async func();");
    }

    @Test
    void useFormsIncludeWithAndExplicitIdsRoundTrip() throws IOException {
        WitLoader.Result r = roundTrip("""
                package a:b@1.0.0;
                use c:d/e@2.0.0 as renamed;
                interface %interface {
                  use renamed.{t as local, t};
                  use c:d/e@2.0.0.{t as again};
                  %type: func(%list: local) -> again;
                }
                world base {
                  import x: func();
                  export y: func();
                }
                world w {
                  use %interface.{local};
                  include base with { x as x2, y as y2 }
                }
                package c:d@2.0.0 {
                  interface e {
                    type t = u32;
                  }
                }
                """);
        Interface i = iface(r.resolve(), "interface");
        assertThat(i.types().keySet()).containsExactlyInAnyOrder("local", "t", "again");
        World w = world(r.resolve(), "w");
        assertThat(w.imports()).containsKey(new WorldKey.Name("x2")).containsKey(new WorldKey.Name("local"));
        assertThat(w.exports()).containsOnlyKeys(new WorldKey.Name("y2"));
        assertThat(print(r)).contains("interface %interface {", "%type: func(%list: local) -> again;");
    }

    @Test
    void gatesRoundTripAndPackagesWithGatesNeedAVersion() throws IOException {
        WitLoader.Result r = roundTrip("""
                package a:b@1.0.0;
                @since(version = 1.0.0)
                interface i {
                  @since(version = 1.0.0)
                  @deprecated(version = 1.0.0)
                  f: func();
                  @unstable(feature = off)
                  g: func();
                }
                world w {
                  @since(version = 1.0.0)
                  import i;
                  @unstable(feature = off)
                  include w2;
                }
                world w2 {
                  import h: func();
                }
                """);
        assertThat(iface(r.resolve(), "i").functions()).containsOnlyKeys("f");
        assertThat(world(r.resolve(), "w").imports()).doesNotContainKey(new WorldKey.Name("h"));
        assertThat(print(r)).contains("@since(version = 1.0.0)\n  @deprecated(version = 1.0.0)\n  f: func();");
        assertThat(fail("package a:b;\ninterface i {\n  @since(version = 1.0.0)\n  f: func();\n}\n").detail())
                .contains("must have a version");
        assertThat(fail("package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0.0, feature = x)\n  f: func();\n}\n")
                .line()).isEqualTo(3);
    }

    @Test
    void stringLiteralsAreLexedOnlyWhereAllowed() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n  f: func(x: \"s\");\n}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(14);
        assertThat(e.detail()).isEqualTo("expected a type, found a string");
    }

    @Test
    void namesOfOneScopeMustDifferInMoreThanCase() throws IOException {
        WitException param = fail("package a:b;\ninterface i {\n  f: func(x: u32, X: u32);\n}\n");
        assertThat(param.detail()).isEqualTo(
                "param `X` conflicts with param `x` (kebab-case identifiers are case-insensitive)");
        assertThat(param.column()).isEqualTo(19);
        assertThat(fail("package a:b;\ninterface i {\n  resource r {\n    m: func(self: u32);\n  }\n}\n").detail())
                .isEqualTo("param `self` is defined more than once");
        assertThat(fail("package a:b;\ninterface i {\n  record r { x: u32, X: u32 }\n}\n").detail())
                .startsWith("field `X` conflicts with field `x`");
        assertThat(fail("package a:b;\ninterface i {\n  variant v { x, x(u8) }\n}\n").detail())
                .isEqualTo("case `x` is defined more than once");
        assertThat(fail("package a:b;\ninterface i {\n  enum e { a, A }\n}\n").detail())
                .startsWith("case `A` conflicts");
        assertThat(fail("package a:b;\ninterface i {\n  flags f { a, a }\n}\n").detail())
                .isEqualTo("flag `a` is defined more than once");
        WitException name = fail("package a:b;\ninterface i {\n  resource XML;\n  xml: func();\n}\n");
        assertThat(name.line()).isEqualTo(4);
        assertThat(name.detail()).startsWith("name `xml` conflicts with name `XML`");
        assertThat(load("package a:b;\ninterface i {\n  resource XML;\n  parse-XML: func(s: string) -> XML;\n}\n")
                .resolve().interfaces()).hasSize(1);
    }

    @Test
    void itemsReferringToGatedTypesMustBeGatedThemselves() throws IOException {
        WitException alias = fail("package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0.0)\n  type t1 = u32;\n"
                + "  type t2 = t1;\n}\n");
        assertThat(alias.line()).isEqualTo(5);
        assertThat(alias.detail()).isEqualTo("`t2` refers to `t1`, which is gated, so it must be gated too");
        assertThat(fail("package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0.0)\n  type t1 = u32;\n"
                + "  f: func() -> list<option<t1>>;\n}\n").line()).isEqualTo(5);
        assertThat(fail("package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0.0)\n  type t1 = u32;\n}\n"
                + "world w {\n  @since(version = 1.0.0)\n  use i.{t1};\n  import f: func(x: t1);\n}\n").line())
                .isEqualTo(9);
        // A gate on the item, or on the interface or world around it, makes the reference compatible.
        roundTrip("""
                package a:b@1.0.0;
                @since(version = 1.0.0)
                interface i {
                  @since(version = 1.0.0)
                  type t1 = u32;
                  use-it: func(x: t1);
                  @since(version = 1.0.0)
                  type t2 = t1;
                }
                """);
    }

    @Test
    void aPackageNameCannotBeImportedWhileALabelledInterfaceCan() throws IOException {
        WitException e = fail("package a:b;\ninterface b {}\nworld w {\n  import a:b;\n}\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.detail()).startsWith("`a:b` is a package, which cannot be imported or exported");
        assertThat(fail("package a:b;\nworld w {\n  export c:d@1.0.0;\n}\n").detail()).startsWith("`c:d` is a package");
        WitLoader.Result r = roundTrip("package a:b;\ninterface b {}\nworld w {\n  import a: b;\n}\n");
        assertThat(world(r.resolve(), "w").imports()).containsOnlyKeys(new WorldKey.Name("a"));
    }

    @Test
    void includeWithRenamesLabelledInterfacesAndPlainNamesDoNotDeduplicate() throws IOException {
        WitLoader.Result r = roundTrip("""
                package local:demo;
                interface store {
                  get: func(key: string) -> option<string>;
                }
                world base {
                  /// the cache
                  import cache: store;
                }
                world extended {
                  import cache: func();
                  include base with { cache as my-cache }
                }
                """);
        World extended = world(r.resolve(), "extended");
        WorldItem.InterfaceItem renamed = (WorldItem.InterfaceItem) extended.imports()
                .get(new WorldKey.Name("my-cache"));
        assertThat(r.resolve().get(renamed.id()).name()).contains("store");
        assertThat(renamed.docs().contents()).contains("the cache");
        WitException conflict = fail("""
                package local:demo;
                interface store {}
                world base-a {
                  import cache: store;
                }
                world base-b {
                  import cache: store;
                }
                world conflict {
                  include base-a;
                  include base-b;
                }
                """);
        assertThat(conflict.line()).isEqualTo(11);
        assertThat(conflict.detail()).contains("`cache`");
    }
}
