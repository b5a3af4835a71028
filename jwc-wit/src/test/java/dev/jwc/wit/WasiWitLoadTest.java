package dev.jwc.wit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.testkit.SharedSuite;
import dev.jwc.wit.model.Resolve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every WASI package of the shared specs loads, with the other packages of its release as {@code deps/}. */
class WasiWitLoadTest {
    private static final Path WASI = SharedSuite.path("spec/wasi");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.3.0"})
    void everyPackageOfTheReleaseResolves(String release) throws IOException {
        Path dir = WASI.resolve(release);
        assumeTrue(Files.isDirectory(dir), "../shared not found: WASI WIT skipped");
        List<Path> packages = list(dir).stream().filter(Files::isDirectory).toList();
        for (Path pkg : packages) {
            Path root = tmp.resolve(release + "-" + pkg.getFileName());
            copyWit(pkg, root);
            for (Path other : packages) {
                if (!other.equals(pkg)) {
                    copyWit(other, root.resolve("deps").resolve(other.getFileName().toString()));
                }
            }
            Resolve resolve = WitLoader.withFeatures(Set.of()).load(root).resolve();
            assertThat(resolve.packages()).as(pkg.toString()).hasSizeGreaterThan(0);
            assertThat(resolve.packages().get(resolve.packages().size() - 1).name().namespace()).isEqualTo("wasi");
        }
    }

    private static void copyWit(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path file : list(from)) {
            if (file.getFileName().toString().endsWith(".wit")) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
