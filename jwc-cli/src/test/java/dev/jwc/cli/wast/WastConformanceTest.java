package dev.jwc.cli.wast;

import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every component-model spec script through the runtime twice: from the derived json-from-wast
 * form and from the .wast text. A failing directive must be listed in {@code wast-known-failures.txt}
 * ({@code json|wast:folder/file:line # reason}); a listed directive that passes fails the test too, so
 * the list only shrinks.
 */
class WastConformanceTest {
    private static final Path SUITE = SharedSuite.path("conformance/component-model");
    private static final Path JSON = SUITE.resolve("_derived/json-from-wast/test");
    private static final Path WAST = SUITE.resolve("test");

    private final KnownFailures known = KnownFailures.load("wast-known-failures.txt");
    private final Map<String, int[]> counts = new TreeMap<>();

    @Test
    void specTestsMatchTheKnownFailures() throws IOException {
        SharedSuite.assumePresent(JSON, WAST);
        for (Path json : scripts(JSON, ".json")) {
            record("json", JSON.relativize(json), JsonWastRunner.run(json));
        }
        for (Path wast : scripts(WAST, ".wast")) {
            record("wast", WAST.relativize(wast), TextWastRunner.run(wast.getFileName().toString(), Files.readString(wast)));
        }
        counts.forEach((group, c) -> System.out.printf("%-16s %d passed, %d failed, %d skipped%n", group, c[0], c[1], c[2]));
        known.verify("component-model spec scripts");
    }

    private static List<Path> scripts(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private void record(String form, Path relative, WastReport report) {
        String key = form + ":" + relative.toString().replace('\\', '/');
        int[] c = counts.computeIfAbsent(form + " " + relative.getName(0), g -> new int[3]);
        c[0] += report.passed();
        c[1] += report.failed();
        c[2] += report.skipped();
        known.pass(report.passed());
        known.skip(report.skipped());
        List<Integer> lines = report.failedLines();
        for (int i = 0; i < lines.size(); i++) {
            known.fail(key + ":" + lines.get(i), report.failures().get(i));
        }
    }
}
