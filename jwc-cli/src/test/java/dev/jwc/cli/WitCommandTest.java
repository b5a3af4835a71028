package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

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

        assertThat(run("wit", file.toString())).isEqualTo(0);
        assertThat(out.toString()).isEqualTo("""
                package foo:bar;

                interface i {
                  type %type = u32;
                }

                world w {
                  import x: func(a: list<u8>) -> string;

                  export i;
                }
                """);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsTheModelAsJson() throws IOException {
        Path file = write("a.wit", "package foo:bar;\ninterface i { f: func(); }\n");

        assertThat(run("wit", "--json", file.toString())).isEqualTo(0);
        Json.Obj json = (Json.Obj) Json.parse(out.toString());
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

        assertThat(run("wit", "--features", "on", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("f: func();").doesNotContain("g: func();");

        out.getBuffer().setLength(0);
        assertThat(run("wit", "--all-features", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("f: func();").contains("g: func();");
    }

    @Test
    void aWitErrorShowsItsPositionAndExitsWithOne() throws IOException {
        Path file = write("bad.wit", "package foo:bar;\ninterface i {\n  f: func() -> nope;\n}\n");

        assertThat(run("wit", file.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(file + ":3:")
                .contains("  f: func() -> nope;")
                .contains("^");
    }

    @Test
    void aMissingFileExitsWithOne() {
        assertThat(run("wit", dir.resolve("missing.wit").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("missing.wit: no such file or directory");
    }

    @Test
    void aMissingPathIsAUsageError() {
        assertThat(run("wit")).isEqualTo(2);
    }
}
