package dev.jwc.tools.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.text.Wat;
import dev.jwc.tools.Embed;
import dev.jwc.tools.ToolsException;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.WorldSelection;
import dev.jwc.witcomponent.WitEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkerTest {
    @TempDir
    Path dir;

    private CoreModule library(String world, String wat) throws IOException {
        Files.writeString(dir.resolve("w.wit"), """
                package t:t;
                world app { export run: func() -> s32; }
                world helper { }
                """);
        WitLoader.Result wit = WitLoader.withAllFeatures().load(dir.resolve("w.wit"));
        return Embed.embed(Wat.parseCoreModule(wat), wit.resolve(),
                WorldSelection.select(wit.resolve(), wit.main(), Optional.of(world)), WitEncoding.StringEncoding.UTF8);
    }

    private static final String APP = """
            (module
              (@dylink.0 (mem-info (memory 0 0)))
              (import "env" "helper" (func $helper (result i32)))
              (func (export "run") (result i32) (call $helper)))
            """;

    @Test
    void weakUnresolvedImportsAreStubbedWithoutBeingAsked() throws IOException {
        CoreModule app = library("app", """
                (module
                  (@dylink.0 (mem-info (memory 0 0)) (import-info "env" "helper" binding-weak))
                  (import "env" "helper" (func $helper (result i32)))
                  (func (export "run") (result i32) (call $helper)))
                """);
        Component c = new Linker().library("app", app, false).link();
        assertThat(moduleCount(c)).as("main, app, stubs, init").isEqualTo(4);
    }

    @Test
    void librariesNothingReachesAreLeftOut() throws IOException {
        CoreModule app = library("app", APP);
        CoreModule helper = library("helper", """
                (module (@dylink.0 (mem-info (memory 0 0))) (func (export "helper") (result i32) (i32.const 1)))
                """);
        CoreModule unused = library("helper", "(module (@dylink.0 (mem-info (memory 0 0))))");
        Component c = new Linker().library("app", app, false).library("helper", helper, false)
                .library("unused", unused, false).link();
        assertThat(moduleCount(c)).as("main, helper, app, init").isEqualTo(4);
    }

    @Test
    void anInvalidLibraryIsNamedInTheError() throws IOException {
        CoreModule broken = library("app", "(module (func (export \"run\") (result i32)))");
        assertThatThrownBy(() -> new Linker().library("broken", broken, false).link())
                .isInstanceOf(ToolsException.class).hasMessageContaining("library `broken` is not a valid core module");
    }

    @Test
    void badUsageIsRejected() throws IOException {
        CoreModule app = library("app", APP);
        assertThatThrownBy(() -> new Linker().library("app", app, false).library("app", app, false))
                .isInstanceOf(ToolsException.class).hasMessageContaining("given twice");
        assertThatThrownBy(() -> new Linker().adapter("wasi_snapshot_preview1", app).link())
                .isInstanceOf(ToolsException.class).hasMessageContaining("at least one library");
        assertThatThrownBy(() -> new Linker().stackSize(100)).isInstanceOf(ToolsException.class);
    }

    @Test
    void noLibrariesLinkToAnEmptyComponent() {
        assertThat(new Linker().link().sections()).isEmpty();
    }

    private static long moduleCount(Component c) {
        return c.sections().stream().filter(s -> s instanceof Section.CoreModule).count();
    }
}
