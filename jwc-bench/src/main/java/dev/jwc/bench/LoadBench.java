package dev.jwc.bench;

import dev.jwc.runtime.Component;
import dev.jwc.runtime.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loading (decoding and compiling every core module of) the largest conformance components: the
 * wasi-testsuite p3 ones, 3.1-3.2 MB once unzipped. With {@code cache=off} every load compiles; with
 * {@code cache=warm} the engine has a compile cache (a temporary directory filled at setup), so every
 * load finds its modules' classes there. `./bench` runs this once in single-shot mode in fresh JVMs
 * (cold) and once with the common configuration (warm JVM, steady state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBench {
    private static final String P3 = "wasi-testsuite/tests/rust/testsuite/wasm32-wasip3/";

    @Param({"http-client-trailers.wasm.gz", "http-client-headers.wasm.gz", "http-client.wasm.gz"})
    public String file;

    @Param({"off", "warm"})
    public String cache;

    private Engine engine;
    private Path cacheDirectory;
    private byte[] bytes;

    @Setup
    public void setUp() {
        Path shared = Path.of(System.getProperty("jwc.shared", "../shared"));
        Path path = shared.resolve("conformance").resolve(P3 + file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " not found: run ./bench from the repository, with ../shared beside it, or pass -Djwc.shared=DIR");
        }
        bytes = read(path);
        if (cache.equals("off")) {
            engine = new Engine();
        } else {
            cacheDirectory = createTempDirectory();
            engine = Engine.builder().cacheDirectory(cacheDirectory).build();
            Component.fromBinary(engine, bytes);
        }
    }

    @TearDown
    public void tearDown() {
        if (cacheDirectory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(cacheDirectory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("jwc-bench-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return path.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public Component load() {
        return Component.fromBinary(engine, bytes);
    }
}
