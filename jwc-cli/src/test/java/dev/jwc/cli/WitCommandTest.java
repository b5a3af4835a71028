package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void printsTheResolvedPackageAsCanonicalWit() throws IOException {
        Path file = write("a.wit", """
                package foo:bar;
                world w { import x: func(a: list<u8>) -> string; export i; }
                interface i { type %type = u32; }
                """);

        assertThat(cli.run("wit", file.toString())).isEqualTo(0);
        assertThat(cli.out()).isEqualTo("""
                package foo:bar;

                interface i {
                  type %type = u32;
                }

                world w {
                  import x: func(a: list<u8>) -> string;

                  export i;
                }
                """);
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void printsTheModelAsJson() throws IOException {
        Path file = write("a.wit", "package foo:bar;\ninterface i { f: func(); }\n");

        assertThat(cli.run("wit", "--json", file.toString())).isEqualTo(0);
        Json.Obj json = (Json.Obj) Json.parse(cli.out());
        assertThat(json.members().keySet()).containsExactly("worlds", "interfaces", "types", "packages");
        assertThat(((Json.Arr) json.get("packages")).elements()).hasSize(1);
    }

    @Test
    void keepsOnlyEnabledFeatures() throws IOException {
        Path file = write("a.wit", """
                package foo:bar;
                interface i {
                  @unstable(feature = on)
                  f: func();
                  @unstable(feature = off)
                  g: func();
                }
                """);

        assertThat(cli.run("wit", "--features", "on", file.toString())).isEqualTo(0);
        assertThat(cli.out()).contains("f: func();").doesNotContain("g: func();");

        cli.clearOut();
        assertThat(cli.run("wit", "--all-features", file.toString())).isEqualTo(0);
        assertThat(cli.out()).contains("f: func();").contains("g: func();");
    }

    @Test
    void aWitErrorShowsItsPositionAndExitsWithOne() throws IOException {
        Path file = write("bad.wit", "package foo:bar;\ninterface i {\n  f: func() -> nope;\n}\n");

        assertThat(cli.run("wit", file.toString())).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains(file + ":3:")
                .contains("  f: func() -> nope;")
                .contains("^");
    }

    @Test
    void aMissingFileExitsWithOne() {
        assertThat(cli.run("wit", dir.resolve("missing.wit").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("missing.wit: no such file or directory");
    }

    @Test
    void aMissingPathIsAUsageError() {
        assertThat(cli.run("wit")).isEqualTo(2);
    }

    @Test
    void encodesAPackageAsWasmAndPrintsItBack() throws IOException {
        String wit = """
                package foo:bar@1.0.0;

                /// an interface
                interface i {
                  record point {
                    x: u32,
                    y: u32,
                  }

                  resource r {
                    constructor(p: point);
                    get: func() -> point;
                  }

                  f: func(a: list<point>) -> result<r, string>;
                }

                world w {
                  import i;

                  export run: func();
                }
                """;
        Path file = write("a.wit", wit);
        Path wasm = dir.resolve("a.wasm");

        assertThat(cli.run("wit", "--wasm", file.toString(), "-o", wasm.toString())).isEqualTo(0);
        assertThat(Files.readAllBytes(wasm)).startsWith(0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00);
        assertThat(cli.run("wit", wasm.toString())).isEqualTo(0);
        assertThat(cli.out()).isEqualTo(wit);
    }

    @Test
    void printsTheWorldOfAComponent() throws IOException {
        Path file = write("c.wat", """
                (component
                  (import "log" (func (param "msg" string)))
                  (import "foo:bar/clock" (instance (export "now" (func (result u64)))))
                )
                """);

        assertThat(cli.run("wit", file.toString())).isEqualTo(0);
        assertThat(cli.out()).contains("package root:component;", "world root {",
                "import log: func(msg: string);", "import foo:bar/clock;");
    }

    @Test
    void rejectsABinaryThatIsNotAComponent() throws IOException {
        Path file = dir.resolve("bad.wasm");
        Files.write(file, new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});

        assertThat(cli.run("wit", file.toString())).isNotEqualTo(0);
        assertThat(cli.err()).contains("bad.wasm", "core module");
    }
}
