package dev.jwc.wasi;

import dev.jwc.json.Json;
import dev.jwc.runtime.Engine;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * wasi-testsuite (doc/specification.md): every preview1 module of tests/{assemblyscript,c,rust}/testsuite/
 * wasm32-wasip1 and every component of _derived/wasm32-wasip1-adapted-to-p2, run with the args, env and
 * root directory of its {@code .json} (a fresh copy of the root per test), checked for exit code and
 * stdout. Failures must be listed in {@code wasi-testsuite-known-failures.txt} and listed ones must fail.
 */
class WasiTestsuiteTest {
    private static final Path SUITE = SharedSuite.path("conformance/wasi-testsuite");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Engine ENGINE = new Engine();

    @Test
    void runsTheSuite() throws IOException {
        SharedSuite.assumePresent(SUITE);
        Map<String, String> failures = new TreeMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String lang : List.of("assemblyscript", "c", "rust")) {
            run("preview1", SUITE.resolve("tests").resolve(lang).resolve("testsuite/wasm32-wasip1"), lang,
                    failures, counts);
        }
        for (String lang : List.of("assemblyscript", "c", "rust")) {
            run("adapted-p2", SUITE.resolve("_derived/wasm32-wasip1-adapted-to-p2").resolve(lang), lang,
                    failures, counts);
        }
        for (Map.Entry<String, int[]> set : counts.entrySet()) {
            String prefix = set.getKey() + "/";
            KnownFailures known = KnownFailures.loadGroup("wasi-testsuite-known-failures.txt", set.getKey());
            known.pass(set.getValue()[0]);
            failures.forEach((name, why) -> {
                if (name.startsWith(prefix)) {
                    known.fail(name.substring(prefix.length()), why);
                }
            });
            known.verify("wasi-testsuite " + set.getKey());
        }
    }

    private static void run(String set, Path dir, String lang, Map<String, String> failures, Map<String, int[]> counts)
            throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(p -> p.toString().endsWith(".wasm") || p.toString().endsWith(".wasm.gz")).sorted().toList();
        }
        int[] c = counts.computeIfAbsent(set, k -> new int[2]);
        for (Path wasm : cases) {
            String base = wasm.getFileName().toString().replaceAll("\\.wasm(\\.gz)?$", "");
            String id = set + "/" + lang + "/" + base;
            Optional<String> failure = runCase(wasm, dir.resolve(base + ".json"));
            if (failure.isEmpty()) {
                c[0]++;
            } else {
                c[1]++;
                failures.put(id, failure.get());
            }
        }
    }

    private static Optional<String> runCase(Path wasm, Path spec) throws IOException {
        Json.Obj json = Files.exists(spec) ? (Json.Obj) Json.parse(Files.readString(spec)) : new Json.Obj(Map.of());
        byte[] bytes = read(wasm);
        List<String> args = new ArrayList<>();
        args.add(wasm.getFileName().toString());
        if (json.get("args") instanceof Json.Arr a) {
            a.elements().forEach(e -> args.add(((Json.Str) e).value()));
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (json.get("env") instanceof Json.Obj e) {
            e.members().forEach((k, v) -> env.put(k, ((Json.Str) v).value()));
        }
        Path scratch = Files.createTempDirectory("wasi-testsuite");
        try {
            List<Preopen> preopens = new ArrayList<>();
            if (json.get("root") instanceof Json.Str root) {
                Path copy = scratch.resolve("root");
                copyTree(spec.resolveSibling(root.value()), copy);
                preopens.add(new Preopen(copy, "/", false));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            WasiConfig config = new WasiConfig(args, env, preopens, new ByteArrayInputStream(new byte[0]), out, err, false);
            WasiCommand.Outcome outcome = new WasiCommand(ENGINE).run(bytes, config, Optional.of(TIMEOUT));
            int expectedCode = json.get("exit_code") instanceof Json.Num n ? n.value().intValue() : 0;
            if (outcome.exitCode() != expectedCode) {
                String why = outcome.trap().map(t -> "trap: " + t.getMessage())
                        .orElse(err.toString(StandardCharsets.UTF_8).strip());
                return Optional.of("exit code " + outcome.exitCode() + ", expected " + expectedCode + ": "
                        + why.lines().findFirst().orElse(""));
            }
            if (json.get("stdout") instanceof Json.Str expected
                    && !expected.value().equals(out.toString(StandardCharsets.UTF_8))) {
                return Optional.of("stdout differs");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            deleteTree(scratch);
        }
    }

    private static byte[] read(Path wasm) throws IOException {
        if (!wasm.toString().endsWith(".gz")) {
            return Files.readAllBytes(wasm);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(wasm))) {
            return in.readAllBytes();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
                target.toFile().setWritable(true, true);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true, true);
                Files.deleteIfExists(p);
            }
        }
    }
}
