package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.Features;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.witcomponent.WitDecoding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedNewCommandTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
            .resolve("examples/hello");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void helloExampleBecomesAComponentExportingRun() throws IOException {
        Path example = Files.isDirectory(EXAMPLE) ? EXAMPLE : Path.of("../examples/hello");
        Path core = dir.resolve("hello.core.wasm");
        Path component = dir.resolve("hello.wasm");

        assertThat(run("embed", example.resolve("wit").toString(), example.resolve("hello.wat").toString(),
                "--world", "command", "-o", core.toString())).as(err.toString()).isEqualTo(0);
        assertThat(run("new", core.toString(), "-o", component.toString())).as(err.toString()).isEqualTo(0);

        byte[] bytes = Files.readAllBytes(component);
        validateModules(ComponentReader.readComponent(bytes));
        var decoded = (WitDecoding.Decoded.ComponentWorld) WitDecoding.decode(bytes);
        var world = decoded.resolve().get(decoded.world());
        assertThat(world.exports()).hasSize(1);
        assertThat(world.imports()).isNotEmpty();
    }

    @Test
    void dummyModuleOfAWorldBecomesAComponent() throws IOException {
        Path wit = dir.resolve("w.wit");
        Files.writeString(wit, """
                package a:b;
                interface i { record r { s: string } f: func(x: list<r>) -> string; }
                world w { import i; import g: func(a: u32) -> list<u8>; export i; export h: func(s: string); }
                """);
        Path core = dir.resolve("core.wasm");
        assertThat(run("embed", wit.toString(), "--dummy", "-o", core.toString())).as(err.toString()).isEqualTo(0);
        Path component = dir.resolve("c.wasm");
        assertThat(run("new", core.toString(), "-o", component.toString())).as(err.toString()).isEqualTo(0);
        validateModules(ComponentReader.readComponent(Files.readAllBytes(component)));
        assertThat(run("wit", component.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("import a:b/i;", "import g: func(a: u32) -> list<u8>;", "export a:b/i;",
                "export h: func(s: string);");
    }

    @Test
    void moduleWithoutWorldIsAnInputError() throws IOException {
        Path wat = dir.resolve("m.wat");
        Files.writeString(wat, "(module)");
        assertThat(run("new", wat.toString(), "-o", dir.resolve("x.wasm").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no `component-type` custom section");
    }

    @Test
    void importTheWorldLacksIsAnInputError() throws IOException {
        Path wit = dir.resolve("w.wit");
        Files.writeString(wit, "package a:b;\nworld w { import f: func(); }\n");
        Path wat = dir.resolve("m.wat");
        Files.writeString(wat, "(module (import \"$root\" \"g\" (func)))");
        Path core = dir.resolve("core.wasm");
        assertThat(run("embed", wit.toString(), wat.toString(), "-o", core.toString())).isEqualTo(0);
        assertThat(run("new", core.toString(), "-o", dir.resolve("x.wasm").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("module imports `g` from `$root`, which the world does not import");
    }

    private static void validateModules(Component component) {
        for (Section s : component.sections()) {
            switch (s) {
                case Section.CoreModule m -> CoreValidator.validate(m.module().module(), Features.all());
                case Section.NestedComponent c -> validateModules(c.component());
                default -> { }
            }
        }
    }
}
