package dev.jwc.wit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.wit.model.WorldId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world selection conventions of WIT.md ("Specifying a World"). */
class WorldSelectionTest {
    @TempDir
    Path dir;

    private WitLoader.Result load(String text) throws IOException {
        Path file = dir.resolve("root.wit");
        Files.writeString(file, text);
        return WitLoader.withFeatures(Set.of()).load(file);
    }

    private static String selected(WitLoader.Result r, String world) {
        WorldId id = WorldSelection.select(r.resolve(), r.main(), Optional.ofNullable(world));
        var w = r.resolve().get(id);
        return r.resolve().get(w.pkg().orElseThrow()).name() + "/" + w.name();
    }

    @Test
    void withoutAWorldStringTheRootPackageMustHaveExactlyOneWorld() throws IOException {
        assertThat(selected(load("package a:b;\nworld only {}\n"), null)).isEqualTo("a:b/only");
        WitLoader.Result none = load("package a:b;\ninterface i {}\n");
        assertThatThrownBy(() -> selected(none, null)).isInstanceOf(WorldSelectionException.class)
                .hasMessage("no worlds found in package `a:b`");
        WitLoader.Result two = load("package a:b;\nworld x {}\nworld y {}\n");
        assertThatThrownBy(() -> selected(two, null))
                .hasMessage("multiple worlds found in package `a:b`: one must be explicitly chosen");
    }

    @Test
    void anIdentifierNamesAWorldOfTheRootPackage() throws IOException {
        WitLoader.Result r = load("package a:b;\nworld x {}\nworld %world {}\npackage c:d {\n  world z {}\n}\n");
        assertThat(selected(r, "x")).isEqualTo("a:b/x");
        assertThat(selected(r, "%world")).isEqualTo("a:b/world");
        assertThatThrownBy(() -> selected(r, "z")).hasMessage("world `z` not found in package `a:b`");
    }

    @Test
    void aPathNamesAWorldOfAnyLoadedPackage() throws IOException {
        WitLoader.Result r = load("package a:b;\nworld x {}\npackage c:d@1.0.0 {\n  world z {}\n}\n"
                + "package c:d@2.0.0 {\n  world z {}\n}\npackage e:f {\n  world y {}\n}\n");
        assertThat(selected(r, "e:f/y")).isEqualTo("e:f/y");
        assertThat(selected(r, "c:d/z@2.0.0")).isEqualTo("c:d@2.0.0/z");
        assertThatThrownBy(() -> selected(r, "c:d/z")).hasMessage("multiple packages named `c:d` found: specify a version");
        assertThatThrownBy(() -> selected(r, "g:h/z")).hasMessage("package `g:h` not found");
        assertThatThrownBy(() -> selected(r, "c:d/z@1")).isInstanceOf(WorldSelectionException.class);
        assertThatThrownBy(() -> selected(r, "c/z")).hasMessageStartingWith("invalid world path `c/z`");
    }
}
