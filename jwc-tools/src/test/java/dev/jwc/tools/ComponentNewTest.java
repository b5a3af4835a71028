package dev.jwc.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ResourceType;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.text.Wat;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.WorldSelection;
import dev.jwc.wit.model.WorldId;
import dev.jwc.witcomponent.WitEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentNewTest {
    @TempDir
    Path dir;

    private Component create(String wit, String wat) throws IOException {
        Path file = dir.resolve("w.wit");
        Files.writeString(file, wit);
        WitLoader.Result loaded = WitLoader.withAllFeatures().load(file);
        WorldId world = WorldSelection.select(loaded.resolve(), loaded.main(), Optional.empty());
        CoreModule core = Embed.embed(Wat.parseCoreModule(wat), loaded.resolve(), world,
                WitEncoding.StringEncoding.UTF8);
        return ComponentNew.create(core);
    }

    private static List<CoreModule> modules(Component c) {
        return c.sections().stream().flatMap(s -> s instanceof Section.CoreModule m
                ? java.util.stream.Stream.of(m.module().module()) : java.util.stream.Stream.empty()).toList();
    }

    @Test
    void importNeedingMemoryGoesThroughShimAndFixup() throws IOException {
        Component c = create("package a:b;\nworld w { import f: func(s: string); }\n", """
                (module (import "$root" "f" (func (param i32 i32))) (memory (export "memory") 1))
                """);
        List<CoreModule> modules = modules(c);
        assertThat(modules).hasSize(3);
        assertThat(modules.get(0).tables()).as("the shim, before the main module").hasSize(1);
        assertThat(modules.get(2).elements()).as("the fixup").hasSize(1);
    }

    @Test
    void importedMemoryIsDefinedByTheShim() throws IOException {
        Component c = create("package a:b;\nworld w { import f: func(s: string); }\n", """
                (module (import "env" "memory" (memory 1)) (import "$root" "f" (func (param i32 i32))))
                """);
        CoreModule shim = modules(c).getFirst();
        assertThat(shim.memories()).hasSize(1);
        assertThat(shim.exports()).anyMatch(e -> e.name().equals("$memory"));
    }

    @Test
    void exportedResourceGetsItsDestructorThroughTheShim() throws IOException {
        Component c = create("""
                package a:b;
                world w { export i: interface { resource r { constructor(); } } }
                """, """
                (module
                  (import "[export]i" "[resource-new]r" (func $new (param i32) (result i32)))
                  (func (export "i#[constructor]r") (result i32) (call $new (i32.const 7)))
                  (func (export "i#[dtor]r") (param i32)))
                """);
        assertThat(c.sections()).anyMatch(s -> s instanceof Section.Types t
                && t.types().getFirst() instanceof ResourceType r && r.destructor().isPresent());
        assertThat(c.sections()).anyMatch(s -> s instanceof Section.NestedComponent);
    }

    @Test
    void plainImportIsLoweredDirectly() throws IOException {
        Component c = create("package a:b;\nworld w { import f: func(x: u32) -> u32; }\n",
                "(module (import \"$root\" \"f\" (func (param i32) (result i32))))");
        assertThat(modules(c)).hasSize(1);
    }

    @Test
    void reactorInitializeRunsFromAStartFunction() throws IOException {
        Component c = create("package a:b;\nworld w { export a: func(); }\n",
                "(module (func (export \"a\")) (func (export \"_initialize\")))");
        List<CoreModule> modules = modules(c);
        assertThat(modules).hasSize(2);
        assertThat(modules.get(1).start()).isPresent();
    }

    @Test
    void wrongCoreSignatureIsRejected() {
        assertThatThrownBy(() -> create("package a:b;\nworld w { export a: func(x: string); }\n",
                "(module (func (export \"a\") (param i32)) (memory (export \"memory\") 1))"))
                .isInstanceOf(ToolsException.class)
                .hasMessageContaining("type mismatch for function `a`");
    }
}
