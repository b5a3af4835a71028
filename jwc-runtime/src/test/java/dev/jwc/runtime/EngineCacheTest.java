package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile cache and the interpreter threshold, seen through the embedding API. */
class EngineCacheTest {
    private static final byte[] ADDER = Wat.toBinary("""
            (component
              (core module $M (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
              (core instance $m (instantiate $M))
              (func (export "add") (param "a" s32) (param "b" s32) (result s32) (canon lift (core func $m "add"))))
            """);
    private static final FileTime LONG_AGO = FileTime.fromMillis(0);

    @TempDir
    Path cache;

    private static int add(Engine engine, int a, int b) {
        Component c = Component.fromBinary(engine, ADDER);
        Instance i = new Linker(engine).instantiate(new Store(engine), c);
        return i.func("add").orElseThrow().typed(Integer.class, Integer.class, Integer.class).call(a, b);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> f.toString().endsWith(".entry")).toList();
        }
    }

    @Test
    void aSecondEngineLoadsTheCompiledModuleFromTheCache() throws IOException {
        assertThat(add(Engine.builder().cacheDirectory(cache).build(), 1, 2)).isEqualTo(3);
        List<Path> written = entries();
        assertThat(written).hasSize(1);
        Files.setLastModifiedTime(written.get(0), LONG_AGO);

        assertThat(add(Engine.builder().cacheDirectory(cache).build(), 2, 3)).isEqualTo(5);
        assertThat(entries()).isEqualTo(written);
        assertThat(Files.getLastModifiedTime(written.get(0))).as("a hit leaves the entry alone").isEqualTo(LONG_AGO);
    }

    @Test
    void aCorruptEntryIsRecompiledAndReplaced() throws IOException {
        add(Engine.builder().cacheDirectory(cache).build(), 1, 2);
        Path entry = entries().get(0);
        Files.writeString(entry, "garbage");

        assertThat(add(Engine.builder().cacheDirectory(cache).build(), 2, 3)).isEqualTo(5);
        assertThat(Files.size(entry)).isGreaterThan("garbage".length());
        Files.setLastModifiedTime(entry, LONG_AGO);
        add(Engine.builder().cacheDirectory(cache).build(), 2, 3);
        assertThat(Files.getLastModifiedTime(entry)).isEqualTo(LONG_AGO);
    }

    @Test
    void anUnusableCacheDirectoryStillRuns() throws IOException {
        Path file = cache.resolve("not-a-directory");
        Files.writeString(file, "");
        assertThat(add(Engine.builder().cacheDirectory(file).build(), 4, 5)).isEqualTo(9);
    }

    @Test
    void modulesBelowTheThresholdAreInterpretedAndNotCached() throws IOException {
        Engine engine = Engine.builder().cacheDirectory(cache).interpreterThreshold(1 << 20).build();
        assertThat(engine.interpreterThreshold()).isEqualTo(1 << 20);
        assertThat(add(engine, 20, 22)).isEqualTo(42);
        assertThat(entries()).isEmpty();
    }

    @Test
    void theInterpreterModeNeverWritesTheCache() throws IOException {
        Engine engine = Engine.builder().mode(Engine.Mode.INTERPRETER).cacheDirectory(cache).build();
        assertThat(add(engine, 1, 1)).isEqualTo(2);
        assertThat(entries()).isEmpty();
    }

    @Test
    void theDefaultEngineCompilesWithoutACache() {
        Engine engine = new Engine();
        assertThat(engine.mode()).isEqualTo(Engine.Mode.COMPILER);
        assertThat(engine.interpreterThreshold()).isZero();
        assertThat(engine.cacheDirectory()).isEmpty();
        assertThatThrownBy(() -> Engine.builder().interpreterThreshold(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
