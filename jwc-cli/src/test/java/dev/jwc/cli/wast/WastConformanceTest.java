package dev.jwc.cli.wast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs every json-from-wast script of the component-model spec tests through the runtime. A failing
 * directive must be listed in {@code wast-known-failures.txt} ({@code folder/file.json:line # reason});
 * a listed directive that passes fails the test too, so the list only shrinks.
 */
class WastConformanceTest {
    private static final Path SHARED = Path.of(System.getProperty("jwc.shared", "../shared"));
    private static final Path JSON = SHARED.resolve("conformance/component-model/_derived/json-from-wast/test");

    @Test
    void specTestsMatchTheKnownFailures() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(JSON), "../shared not found: conformance skipped");
        Set<String> known = knownFailures();
        Set<String> failed = new TreeSet<>();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> messages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(JSON)) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String folder = JSON.relativize(json).getName(0).toString();
                String key = JSON.relativize(json).toString().replace('\\', '/');
                WastReport report = JsonWastRunner.run(json);
                int[] c = counts.computeIfAbsent(folder, f -> new int[3]);
                c[0] += report.passed();
                c[1] += report.failed();
                c[2] += report.skipped();
                List<Integer> lines = report.failedLines();
                for (int i = 0; i < lines.size(); i++) {
                    failed.add(key + ":" + lines.get(i));
                    messages.put(key + ":" + lines.get(i), report.failures().get(i));
                }
            }
        }
        int[] total = new int[3];
        counts.forEach((folder, c) -> {
            System.out.printf("%-12s %d passed, %d failed, %d skipped%n", folder, c[0], c[1], c[2]);
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        System.out.printf("component-model wast: %d passed, %d failed, %d skipped%n", total[0], total[1], total[2]);
        Set<String> regressions = new TreeSet<>(failed);
        regressions.removeAll(known);
        Set<String> fixed = new TreeSet<>(known);
        fixed.removeAll(failed);
        List<String> unlisted = new ArrayList<>();
        regressions.forEach(r -> unlisted.add(r + " # " + messages.get(r)));
        assertThat(unlisted).as("failures not in wast-known-failures.txt").isEmpty();
        assertThat(fixed).as("listed in wast-known-failures.txt but passing now: remove them").isEmpty();
    }

    private static Set<String> knownFailures() throws IOException {
        Set<String> known = new TreeSet<>();
        try (InputStream in = WastConformanceTest.class.getResourceAsStream("/wast-known-failures.txt")) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.replaceAll("#.*", "").strip();
                if (!entry.isEmpty()) {
                    known.add(entry);
                }
            }
        }
        return known;
    }
}
