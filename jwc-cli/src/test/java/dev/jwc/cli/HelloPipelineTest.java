package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main example is rebuilt by the seed pipeline, embed then new, byte for byte, and runs. */
class HelloPipelineTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void embedThenNewGivesTheCommittedComponent() throws IOException {
        Path example = CliRun.example("hello");
        Path component = cli.embedThenNew(example, dir);

        assertThat(Files.readAllBytes(component)).isEqualTo(Files.readAllBytes(example.resolve("hello.wasm")));
    }
}
