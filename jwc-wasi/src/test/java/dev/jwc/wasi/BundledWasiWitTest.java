package dev.jwc.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled WIT is the shared WASI 0.2.12 spec without comment and blank lines (as
 * {@code scripts/bundle-wasi-wit.sh} writes it): wasi:cli at the top, the other packages under {@code deps/}.
 */
class BundledWasiWitTest {
    private static final Path SPEC =
            Path.of(System.getProperty("jwc.shared", "../shared")).resolve("spec/wasi/" + WasiWit.VERSION);

    @Test
    void everyBundledFileIsItsSpecFileWithoutComments() throws IOException {
        assumeTrue(Files.isDirectory(SPEC), "../shared not found: bundled WASI WIT check skipped");
        List<String> files = resource("index.txt").lines().filter(l -> !l.isBlank()).toList();
        assertThat(files).hasSize(30);
        for (String file : files) {
            Path source = file.startsWith("deps/") ? SPEC.resolve(file.substring("deps/".length()))
                    : SPEC.resolve("cli").resolve(file);
            assertThat(resource(file)).as(file).isEqualTo(withoutComments(Files.readString(source)));
        }
    }

    @Test
    void theHostModelHasEveryInterfaceOfTheCommandWorld() {
        assertThat(WasiWit.get().interfaces()).containsKeys("wasi:cli/environment@0.2.12",
                "wasi:io/streams@0.2.12", "wasi:filesystem/types@0.2.12", "wasi:sockets/tcp@0.2.12",
                "wasi:clocks/wall-clock@0.2.12", "wasi:random/random@0.2.12");
    }

    private static String withoutComments(String wit) {
        return wit.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("//")).map(l -> l + "\n")
                .collect(Collectors.joining());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BundledWasiWitTest.class.getResourceAsStream("wit/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
