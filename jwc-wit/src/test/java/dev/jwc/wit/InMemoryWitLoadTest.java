package dev.jwc.wit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.print.WitPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory given in memory loads exactly as the same files on disk do. */
class InMemoryWitLoadTest {
    private static final Map<String, String> FILES = Map.of(
            "main.wit", """
                    package my:app;
                    world app { import dep:dir/api; import dep:file/log; }
                    """,
            "types.wit", """
                    package my:app;
                    interface types { use dep:dir/api.{handle}; record pair { h: handle, n: u32 } }
                    """,
            "deps/dir/api.wit", """
                    package dep:dir;
                    interface api { resource handle { get: func() -> u32; } }
                    """,
            "deps/dir/more.wit", """
                    package dep:dir;
                    interface more { use api.{handle}; make: func() -> handle; }
                    """,
            "deps/file.wit", """
                    package dep:file;
                    interface log { log: func(msg: string); }
                    """);

    @TempDir
    Path tmp;

    @Test
    void loadsAsTheSameFilesOnDisk() throws IOException {
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Path target = tmp.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        WitLoader loader = WitLoader.withFeatures(Set.of());
        WitLoader.Result fromDisk = loader.load(tmp);
        WitLoader.Result inMemory = loader.load(Path.of("bundled"), FILES);
        assertThat(printAll(inMemory)).isEqualTo(printAll(fromDisk)).hasSize(3);
        assertThat(inMemory.resolve().get(inMemory.main()).name().toString()).isEqualTo("my:app");
    }

    @Test
    void errorsNameTheFileUnderTheGivenDirectory() {
        Map<String, String> files = Map.of("main.wit", "package my:app;\ninterface i { f: func() -> nope; }\n");
        assertThatThrownBy(() -> WitLoader.withFeatures(Set.of()).load(Path.of("bundled"), files))
                .isInstanceOf(WitException.class)
                .hasMessageContaining(Path.of("bundled", "main.wit") + ":2:");
    }

    @Test
    void binaryDependenciesAreRejected() {
        Map<String, String> files = Map.of("main.wit", "package my:app;\n", "deps/b.wasm", "");
        assertThatThrownBy(() -> WitLoader.withFeatures(Set.of()).load(Path.of("bundled"), files))
                .isInstanceOf(WitException.class).hasMessageContaining("wasm-encoded WIT packages are not supported");
    }

    private static List<String> printAll(WitLoader.Result result) {
        return result.resolve().packageIds().stream().map((PackageId id) -> WitPrinter.print(result.resolve(), id))
                .toList();
    }
}
