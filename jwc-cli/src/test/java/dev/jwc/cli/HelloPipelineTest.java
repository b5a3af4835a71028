package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main example is rebuilt by the seed pipeline, embed then new, byte for byte, and runs. */
class HelloPipelineTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
            .resolve("examples/hello");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int jwc(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void embedThenNewGivesTheCommittedComponent() throws IOException {
        Path example = Files.isDirectory(EXAMPLE) ? EXAMPLE : Path.of("../examples/hello");
        Path core = dir.resolve("hello.core.wasm");
        Path component = dir.resolve("hello.wasm");

        assertThat(jwc("embed", example.resolve("wit").toString(), example.resolve("hello.wat").toString(),
                "--world", "command", "-o", core.toString())).as(err.toString()).isZero();
        assertThat(jwc("new", core.toString(), "-o", component.toString())).as(err.toString()).isZero();

        assertThat(Files.readAllBytes(component)).isEqualTo(Files.readAllBytes(example.resolve("hello.wasm")));
    }
}
