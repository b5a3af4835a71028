package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.Features;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.witcomponent.WitDecoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedNewCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void helloExampleBecomesAComponentExportingRun() throws IOException {
        Path component = cli.embedThenNew(CliRun.example("hello"), dir);

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
        assertThat(cli.run("embed", wit.toString(), "--dummy", "-o", core.toString())).as(cli.err()).isEqualTo(0);
        Path component = dir.resolve("c.wasm");
        assertThat(cli.run("new", core.toString(), "-o", component.toString())).as(cli.err()).isEqualTo(0);
        validateModules(ComponentReader.readComponent(Files.readAllBytes(component)));
        assertThat(cli.run("wit", component.toString())).isEqualTo(0);
        assertThat(cli.out()).contains("import a:b/i;", "import g: func(a: u32) -> list<u8>;", "export a:b/i;",
                "export h: func(s: string);");
    }

    @Test
    void moduleWithoutWorldIsAnInputError() throws IOException {
        Path wat = dir.resolve("m.wat");
        Files.writeString(wat, "(module)");
        assertThat(cli.run("new", wat.toString(), "-o", dir.resolve("x.wasm").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("no `component-type` custom section");
    }

    @Test
    void importTheWorldLacksIsAnInputError() throws IOException {
        Path wit = dir.resolve("w.wit");
        Files.writeString(wit, "package a:b;\nworld w { import f: func(); }\n");
        Path wat = dir.resolve("m.wat");
        Files.writeString(wat, "(module (import \"$root\" \"g\" (func)))");
        Path core = dir.resolve("core.wasm");
        assertThat(cli.run("embed", wit.toString(), wat.toString(), "-o", core.toString())).isEqualTo(0);
        assertThat(cli.run("new", core.toString(), "-o", dir.resolve("x.wasm").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("module imports `g` from `$root`, which the world does not import");
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
