package dev.jwc.binary.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checked-in list of conformance cases expected to fail ({@code name # reason} per line). A run
 * fails on any unlisted failure (regression) and on any listed case that now passes (shrink the list).
 */
final class KnownFailures {
    private final String resource;
    private final Map<String, String> expected;
    private final Map<String, String> failures = new TreeMap<>();
    private int passed;
    private int skipped;

    private KnownFailures(String resource, Map<String, String> expected) {
        this.resource = resource;
        this.expected = expected;
    }

    static KnownFailures load(String resource) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        try (InputStream in = KnownFailures.class.getResourceAsStream("/" + resource)) {
            if (in != null) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String entry = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                    if (!entry.isBlank()) {
                        expected.put(entry.strip(), line.contains("#") ? line.substring(line.indexOf('#') + 1).strip() : "");
                    }
                }
            }
        }
        return new KnownFailures(resource, expected);
    }

    void pass(String name) {
        passed++;
        failures.remove(name);
    }

    void fail(String name, String why) {
        failures.put(name, why);
    }

    void skip() {
        skipped++;
    }

    /** Prints the counts and asserts that the failures are exactly the listed ones. */
    void verify(String title) {
        System.out.printf("%s: %d passed, %d failed, %d skipped%n", title, passed, failures.size(), skipped);
        Map<String, String> regressions = new TreeMap<>(failures);
        regressions.keySet().removeAll(expected.keySet());
        Map<String, String> fixed = new TreeMap<>(expected);
        fixed.keySet().removeAll(failures.keySet());
        regressions.forEach((k, v) -> System.out.println("  unexpected failure: " + k + " # " + v));
        fixed.keySet().forEach(k -> System.out.println("  now passes, remove from " + resource + ": " + k));
        assertThat(regressions).as("failures not in " + resource).isEmpty();
        assertThat(fixed.keySet()).as("cases in " + resource + " that now pass").isEmpty();
    }
}
