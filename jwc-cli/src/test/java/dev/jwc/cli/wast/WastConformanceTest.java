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
 * Runs every component-model spec script through the runtime twice: from the derived json-from-wast
 * form and from the .wast text. A failing directive must be listed in {@code wast-known-failures.txt}
 * ({@code json|wast:folder/file:line # reason}); a listed directive that passes fails the test too, so
 * the list only shrinks.
 */
class WastConformanceTest {
    private static final Path SUITE = Path.of(System.getProperty("jwc.shared", "../shared"))
            .resolve("conformance/component-model");
    private static final Path JSON = SUITE.resolve("_derived/json-from-wast/test");
    private static final Path WAST = SUITE.resolve("test");

    private final Set<String> failed = new TreeSet<>();
    private final Map<String, String> messages = new TreeMap<>();
    private final Map<String, int[]> counts = new TreeMap<>();

    @Test
    void specTestsMatchTheKnownFailures() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(JSON) && Files.isDirectory(WAST),
                "../shared not found: conformance skipped");
        for (Path json : scripts(JSON, ".json")) {
            record("json", JSON.relativize(json), JsonWastRunner.run(json));
        }
        for (Path wast : scripts(WAST, ".wast")) {
            record("wast", WAST.relativize(wast), TextWastRunner.run(wast.getFileName().toString(), Files.readString(wast)));
        }
        int[] total = new int[3];
        counts.forEach((group, c) -> {
            System.out.printf("%-16s %d passed, %d failed, %d skipped%n", group, c[0], c[1], c[2]);
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        System.out.printf("component-model spec scripts: %d passed, %d failed, %d skipped%n", total[0], total[1], total[2]);
        Set<String> known = knownFailures();
        List<String> unlisted = new ArrayList<>();
        failed.stream().filter(f -> !known.contains(f)).forEach(f -> unlisted.add(f + " # " + messages.get(f)));
        Set<String> fixed = new TreeSet<>(known);
        fixed.removeAll(failed);
        assertThat(unlisted).as("failures not in wast-known-failures.txt").isEmpty();
        assertThat(fixed).as("listed in wast-known-failures.txt but passing now: remove them").isEmpty();
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
        List<Integer> lines = report.failedLines();
        for (int i = 0; i < lines.size(); i++) {
            failed.add(key + ":" + lines.get(i));
            messages.put(key + ":" + lines.get(i), report.failures().get(i));
        }
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
