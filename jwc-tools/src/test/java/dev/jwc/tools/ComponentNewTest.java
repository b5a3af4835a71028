package dev.jwc.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.Features;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.validate.ComponentValidator;
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

    @Test
    void asyncLiftWithCallbackGetsAsyncAndCallbackOptions() throws IOException {
        Component c = create("package a:b;\nworld w { export f: async func(); }\n", """
                (module
                  (func (export "[async-lift]f") (result i32) unreachable)
                  (func (export "[callback][async-lift]f") (param i32 i32 i32) (result i32) unreachable))
                """);
        assertThat(c.sections()).anyMatch(s -> s instanceof Section.Canons cs
                && cs.canons().getFirst() instanceof Canon.Lift l
                && l.options().contains(new CanonOpt.Async())
                && l.options().stream().anyMatch(o -> o instanceof CanonOpt.Callback));
        assertThat(ComponentValidator.validate(ComponentWriter.write(c), Features.all())).isNotNull();
    }

    @Test
    void builtinsAndTaskReturnAreBoundToCanonicalDefinitions() throws IOException {
        Component c = create("package a:b;\nworld w { export f: async func() -> u32; }\n", """
                (module
                  (import "$root" "[backpressure-inc]" (func))
                  (import "$root" "[context-get-0]" (func (result i32)))
                  (import "[export]$root" "[task-return]f" (func (param i32)))
                  (func (export "[async-lift-stackful]f")))
                """);
        List<Canon> canons = c.sections().stream().flatMap(s -> s instanceof Section.Canons cs
                ? cs.canons().stream() : java.util.stream.Stream.empty()).toList();
        assertThat(canons).contains(new Canon.BackpressureInc(), new Canon.ContextGet(NumType.I32, 0));
        assertThat(canons).anyMatch(x -> x instanceof Canon.TaskReturn t && t.result().isPresent());
        assertThat(ComponentValidator.validate(ComponentWriter.write(c), Features.all())).isNotNull();
    }

    @Test
    void standardNamesAreUnderstood() throws IOException {
        Component c = create("package a:b@0.2.1;\ninterface i { f: func(); }\nworld w { import i; export g: func(); }\n",
                """
                (module
                  (import "cm32p2|a:b/i@0.2" "f" (func))
                  (func (export "cm32p2||g")))
                """);
        assertThat(ComponentValidator.validate(ComponentWriter.write(c), Features.all())).isNotNull();
        assertThat(c.sections()).anyMatch(s -> s instanceof Section.Imports i
                && i.imports().getFirst().name().name().equals("a:b/i@0.2.1"));
    }

    @Test
    void unknownExportIntrinsicIsRejected() {
        assertThatThrownBy(() -> create("package a:b;\nworld w { export f: func(); }\n", """
                (module (import "[export]$root" "[no-such-thing]" (func)) (func (export "f")))
                """))
                .isInstanceOf(ToolsException.class)
                .hasMessageContaining("unknown intrinsic");
    }

    @Test
    void deeplyNestedExportedTypesFailWithAnError() {
        StringBuilder wit = new StringBuilder("package a:b;\ninterface i {\n  type t0 = u8;\n");
        for (int n = 1; n <= 1200; n++) {
            wit.append("  type t").append(n).append(" = list<t").append(n - 1).append(">;\n");
        }
        wit.append("  f: func(x: t1200);\n}\nworld w { export i; }\n");
        assertThatThrownBy(() -> create(wit.toString(),
                "(module (func (export \"a:b/i#f\") (param i32 i32)) (memory (export \"memory\") 1)"
                        + " (func (export \"cabi_realloc\") (param i32 i32 i32 i32) (result i32) unreachable))"))
                .isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(StackOverflowError.class)
                .hasMessageContaining("deeper than");
    }
}
