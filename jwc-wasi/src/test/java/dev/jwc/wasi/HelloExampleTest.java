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

/** examples/hello: the committed .wasm is what its .wat encodes to, and it prints the greeting. */
class HelloExampleTest {
    private static final Path DIR = Path.of("../examples/hello");

    @Test
    void rebuildingTheTextGivesTheCommittedBytes() throws IOException {
        assertThat(Wat.toBinary(Files.readString(DIR.resolve("hello.wat"))))
                .isEqualTo(Files.readAllBytes(DIR.resolve("hello.wasm")));
    }

    @Test
    void printsHelloWorldAndExitsZero() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = new WasiConfig(List.of("hello"), Map.of(), List.of(),
                new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream(), false);
        WasiCommand.Outcome outcome = new WasiCommand(new Engine())
                .run(Files.readAllBytes(DIR.resolve("hello.wasm")), config, Optional.empty());
        assertThat(outcome.exitCode()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Hello, world!\n");
    }
}
