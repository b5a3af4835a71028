package dev.jwc.bench;

import dev.jwc.runtime.Component;
import dev.jwc.runtime.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Loading (decoding and compiling every core module of) the largest conformance components: the
 * wasi-testsuite p3 ones, 3.1-3.2 MB once unzipped. The runtime has no compile cache, so a load always
 * compiles: `./bench` runs this once in single-shot mode in fresh JVMs (cold) and once with the
 * common configuration (warm JVM, steady state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBench {
    private static final String P3 = "wasi-testsuite/tests/rust/testsuite/wasm32-wasip3/";

    @Param({"http-client-trailers.wasm.gz", "http-client-headers.wasm.gz", "http-client.wasm.gz"})
    public String file;

    private Engine engine;
    private byte[] bytes;

    @Setup
    public void setUp() {
        Path shared = Path.of(System.getProperty("jwc.shared", "../shared"));
        Path path = shared.resolve("conformance").resolve(P3 + file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " not found: run ./bench from the repository, with ../shared beside it, or pass -Djwc.shared=DIR");
        }
        bytes = read(path);
        engine = new Engine();
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
