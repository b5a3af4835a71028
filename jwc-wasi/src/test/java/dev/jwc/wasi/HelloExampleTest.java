package dev.jwc.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.runtime.Engine;
import dev.jwc.text.Wat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hello examples print the greeting: {@code examples/hello/hello.wasm} (built by embed + new, which
 * jwc-cli's {@code HelloPipelineTest} checks) and {@code examples/hello-component/hello.wat}, the same program
 * written as component text.
 */
class HelloExampleTest {
    private static final Path EXAMPLES = Path.of("../examples");

    @Test
    void theBundledComponentPrintsHelloWorld() throws IOException {
        assertPrintsHelloWorld(Files.readAllBytes(EXAMPLES.resolve("hello/hello.wasm")));
    }

    @Test
    void theHandWrittenComponentTextPrintsHelloWorld() throws IOException {
        assertPrintsHelloWorld(Wat.toBinary(Files.readString(EXAMPLES.resolve("hello-component/hello.wat"))));
    }

    private static void assertPrintsHelloWorld(byte[] component) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = new WasiConfig(List.of("hello"), Map.of(), List.of(),
                new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream(), false);
        WasiCommand.Outcome outcome = new WasiCommand(new Engine()).run(component, config, Optional.empty());
        assertThat(outcome.exitCode()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Hello, world!\n");
    }
}
