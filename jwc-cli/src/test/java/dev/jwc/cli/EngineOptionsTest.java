package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwc run -C ...}: the compile cache, its directory, the interpreter threshold and bad options. */
class EngineOptionsTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... options) throws IOException {
        Path wasm = CliRun.wasm(dir, "adder.wasm", """
                (component
                  (core module $M (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
                  (core instance $m (instantiate $M))
                  (func (export "add") (param "x" u32) (param "y" u32) (result u32) (canon lift (core func $m "add"))))
                """);
        String[] args = Stream.concat(Stream.concat(Stream.of("run"), Stream.of(options)),
                Stream.of("--invoke", "add(40, 2)", wasm.toString())).toArray(String[]::new);
        return cli.run(args);
    }

    /** Compiled modules in the cache (validation marks live beside them, under {@code validated/}). */
    private long cacheEntries() throws IOException {
        Path cache = dir.resolve("cache");
        if (!Files.exists(cache)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".entry")).count();
        }
    }

    @Test
    void compiledModulesGoToTheCacheDirectory() throws IOException {
        assertThat(run("-C", "interpreter-threshold=0", "-C", "cache-dir=" + dir.resolve("cache"))).isZero();
        assertThat(cli.out().strip()).isEqualTo("42");
        assertThat(cacheEntries()).isEqualTo(1);
    }

    @Test
    void cacheOffWritesNothing() throws IOException {
        assertThat(run("-C", "cache=n", "-C", "interpreter-threshold=0", "-C", "cache-dir=" + dir.resolve("cache")))
                .isZero();
        assertThat(cli.out().strip()).isEqualTo("42");
        assertThat(cacheEntries()).isZero();
    }

    @Test
    void smallModulesAreInterpretedByDefault() throws IOException {
        assertThat(run("-C", "cache-dir=" + dir.resolve("cache"))).isZero();
        assertThat(cli.out().strip()).isEqualTo("42");
        assertThat(cacheEntries()).isZero();
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        assertThat(run("-C", "bogus=1")).isEqualTo(1);
        assertThat(cli.err()).contains("unknown -C option `bogus=1`");
        assertThat(run("-C", "interpreter-threshold=-1")).isEqualTo(1);
        assertThat(cli.err()).contains("expected a byte count");
        assertThat(run("-C", "cache=maybe")).isEqualTo(1);
        assertThat(cli.err()).contains("expected y or n");
    }
}
