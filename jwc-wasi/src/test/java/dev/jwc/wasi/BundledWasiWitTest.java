package dev.jwc.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled WIT ({@link BundledWasiWit}, which {@code scripts/bundle-wasi-wit.sh} generates) is the shared
 * WASI 0.2.12 spec without comment and blank lines: wasi:cli at the top, the other packages under {@code deps/}.
 */
class BundledWasiWitTest {
    private static final Path SPEC =
            Path.of(System.getProperty("jwc.shared", "../shared")).resolve("spec/wasi/" + WasiWit.VERSION);

    @Test
    void everyBundledFileIsItsSpecFileWithoutComments() throws IOException {
        assumeTrue(Files.isDirectory(SPEC), "../shared not found: bundled WASI WIT check skipped");
        assertThat(BundledWasiWit.FILES).hasSize(30);
        for (var file : BundledWasiWit.FILES.entrySet()) {
            String name = file.getKey();
            Path source = name.startsWith("deps/") ? SPEC.resolve(name.substring("deps/".length()))
                    : SPEC.resolve("cli").resolve(name);
            assertThat(file.getValue()).as(name).isEqualTo(withoutComments(Files.readString(source)));
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
}
