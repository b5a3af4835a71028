package dev.jwc.witcomponent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.InstanceType;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.ValType;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CustomSection;
import dev.jwc.json.Json;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.print.WitPrinter;
import dev.jwc.wit.roundtrip.CanonicalModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitBinaryRoundTripTest {
    private static final String WIT = """
            /// package docs
            package foo:bar@1.2.0;

            interface types {
              /// a point
              record point {
                /// across
                x: s32,
                y: s32,
              }

              resource blob {
                constructor(bytes: list<u8>);
                size: func() -> u64;
                merge: static func(a: blob, b: borrow<blob>) -> blob;
              }

              @since(version = 1.1.0)
              enum color { red, green }

              type points = list<point>;
            }

            interface api {
              use types.{point, blob};

              flags perms { read, write }

              variant event { moved(point), closed }

              @since(version = 1.2.0)
              handle: func(e: event, b: option<blob>) -> result<tuple<point, perms>, string>;
              sum: func(xs: list<u32>) -> u64;
            }

            world app {
              use types.{point};

              import api;
              import log: func(msg: string, at: point);
              import extra: interface {
                ping: func() -> bool;
              }

              /// the entry
              export run: func(args: list<string>) -> s32;
            }
            """;

    @TempDir
    Path dir;

    private WitLoader.Result load(String text) throws IOException {
        Path file = dir.resolve("pkg.wit");
        Files.writeString(file, text);
        return WitLoader.withFeatures(Set.of()).load(file);
    }

    private static Json model(Resolve resolve, String pkg) {
        return ((Json.Obj) CanonicalModel.of(resolve)).get(pkg);
    }

    @Test
    void aPackageSurvivesEncodingAndDecoding() throws IOException {
        WitLoader.Result loaded = load(WIT);
        byte[] bytes = WitEncoding.encodePackageBytes(loaded.resolve(), loaded.main());

        WitDecoding.Decoded decoded = WitDecoding.decode(bytes);

        assertThat(decoded).isInstanceOf(WitDecoding.Decoded.Package.class);
        assertThat(model(decoded.resolve(), "foo:bar@1.2.0")).isEqualTo(model(loaded.resolve(), "foo:bar@1.2.0"));
        assertThat(WitPrinter.print(decoded.resolve(), decoded.main()))
                .isEqualTo(WitPrinter.print(loaded.resolve(), loaded.main()));
    }

    @Test
    void aWorldSurvivesTheComponentTypeSection() throws IOException {
        WitLoader.Result loaded = load(WIT);
        WorldId app = loaded.resolve().get(loaded.main()).worlds().get("app");

        Section.Custom section = WitEncoding.componentTypeSection(loaded.resolve(), app,
                WitEncoding.StringEncoding.UTF16);
        ComponentTypeSection.Decoded decoded = ComponentTypeSection.decode(section.data());

        assertThat(section.name()).isEqualTo("component-type:app");
        assertThat(decoded.encoding()).isEqualTo(WitEncoding.StringEncoding.UTF16);
        Json.Obj want = (Json.Obj) ((Json.Obj) model(loaded.resolve(), "foo:bar@1.2.0")).get("worlds");
        Json.Obj got = (Json.Obj) ((Json.Obj) model(decoded.resolve(), "foo:bar@1.2.0")).get("worlds");
        assertThat(got.get("app")).isEqualTo(want.get("app"));
        assertThat(decoded.resolve().get(decoded.world()).name()).isEqualTo("app");
    }

    @Test
    void componentTypeSectionsAreFoundInCoreModules() throws IOException {
        WitLoader.Result loaded = load(WIT);
        WorldId app = loaded.resolve().get(loaded.main()).worlds().get("app");
        Section.Custom section = WitEncoding.componentTypeSection(loaded.resolve(), app,
                WitEncoding.StringEncoding.UTF8);
        CoreModule module = new CoreModule(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), OptionalInt.empty(), List.of(), OptionalInt.empty(), List.of(), List.of(),
                List.of(new CustomSection.Raw(section.name(), section.data(), Optional.empty())));

        List<ComponentTypeSection.Decoded> found = ComponentTypeSection.findAll(module);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).resolve().get(found.get(0).world()).name()).isEqualTo("app");
    }

    @Test
    void theOlderSingleExportEncodingDecodes() {
        // (component (type (component (type (instance ...)) (export "foo:bar/i" (instance (type 0)))))
        //            (export "foo:bar/wit" (type 0)))
        InstanceType iface = new InstanceType(List.of(
                new InstanceDecl.TypeDecl(new DefinedType.ListOf(PrimitiveType.U8)),
                new InstanceDecl.ExportDecl(ExternName.of("bytes"),
                        new ExternType.Type(new ExternType.TypeBound.Eq(0))),
                new InstanceDecl.TypeDecl(new FuncType(false, List.of(new FuncType.Param("b", new ValType.Ref(1))),
                        Optional.of(PrimitiveType.U32))),
                new InstanceDecl.ExportDecl(ExternName.of("len"), new ExternType.Func(2))));
        ComponentType pkg = new ComponentType(List.of(new InstanceDecl.TypeDecl(iface),
                new InstanceDecl.ExportDecl(ExternName.of("foo:bar/i"), new ExternType.Instance(0))));
        Component component = new Component(List.of(new Section.Types(List.of(pkg)),
                new Section.Exports(List.of(new Export(ExternName.of("foo:bar/wit"), ComponentSort.TYPE, 0,
                        Optional.empty())))));

        WitDecoding.Decoded decoded = WitDecoding.decode(component);

        assertThat(WitPrinter.print(decoded.resolve(), decoded.main())).isEqualTo("""
                package foo:bar;

                interface i {
                  type bytes = list<u8>;

                  len: func(b: bytes) -> u32;
                }
                """);
    }

    @Test
    void binaryPackagesLoadAsDependencies() throws IOException {
        WitLoader.Result dep = load(WIT);
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("deps"));
        Files.write(root.resolve("deps/bar.wasm"), WitEncoding.encodePackageBytes(dep.resolve(), dep.main()));
        Files.writeString(root.resolve("main.wit"), """
                package my:app;

                world w {
                  import foo:bar/api@1.2.0;
                }
                """);

        WitLoader.Result loaded = BinaryWitPackages.loader(Set.of()).load(root);

        assertThat(WitPrinter.print(loaded.resolve(), loaded.main())).contains("import foo:bar/types@1.2.0;",
                "import foo:bar/api@1.2.0;");
        assertThat(model(loaded.resolve(), "foo:bar@1.2.0").toString()).contains("blob");
    }

    @Test
    void badInputIsAPreciseError() {
        byte[] core = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
        assertThatThrownBy(() -> WitDecoding.decode(core)).isInstanceOf(WitComponentException.class)
                .hasMessageContaining("core module");
        byte[] truncated = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x07, 0x05};
        assertThatThrownBy(() -> WitDecoding.decode(truncated)).isInstanceOf(WitComponentException.class)
                .hasMessageContaining("invalid component");
    }

    @Test
    void aTypeThatContainsItselfIsRejected() {
        // (component (import "f" (func (param "x" 0))) with type 0 = (list 0)
        Component component = new Component(List.of(
                new Section.Types(List.of(new DefinedType.ListOf(new ValType.Ref(0)),
                        new FuncType(false, List.of(new FuncType.Param("x", new ValType.Ref(0))), Optional.empty()))),
                new Section.Imports(List.of(new dev.jwc.binary.component.Import(ExternName.of("f"),
                        new ExternType.Func(1))))));

        assertThatThrownBy(() -> WitDecoding.decode(component)).isInstanceOf(WitComponentException.class)
                .hasMessageContaining("refer to themselves");
    }
}
