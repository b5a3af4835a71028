package dev.jwc.binary.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.binary.ValidationException;
import dev.jwc.binary.io.DecodeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Decodes and validates every binary of the component conformance suites: valid ones must pass,
 * {@code assert_invalid} and {@code assert_malformed} ones must be rejected. Counts are printed per
 * group and role, with how many rejections carry the suite's expected message.
 */
class ComponentValidationConformanceTest {
    private static final String KNOWN_FAILURES = "component-validation-known-failures.txt";

    /** Passed, failed and message-matching counts of one group and role. */
    private static final class Tally {
        int passed;
        int failed;
        int skipped;
        int messageMatches;

        @Override
        public String toString() {
            return passed + " passed, " + failed + " failed, " + skipped + " skipped";
        }
    }

    @Test
    void acceptsValidAndRejectsInvalidBinaries() throws IOException {
        assumeTrue(ValidationCase.available(), "../shared not found: conformance skipped");
        Map<String, String> known = knownFailures();
        Map<String, Tally> tallies = new TreeMap<>();
        List<String> regressions = new ArrayList<>();
        Set<String> stale = new TreeSet<>(known.keySet());
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (ValidationCase c : ValidationCase.all()) {
            String role = c.role().equals("module_definition") ? "module" : c.role();
            Tally tally = tallies.computeIfAbsent(c.group() + " / " + role, k -> new Tally());
            if (!c.skip().isEmpty()) {
                tally.skipped++;
                skipped++;
                continue;
            }
            String failure = check(c, tally);
            if (failure == null) {
                tally.passed++;
                passed++;
            } else {
                tally.failed++;
                failed++;
                stale.remove(c.id());
                if (!known.containsKey(c.id())) {
                    regressions.add(c.id() + " (" + c.role() + "): " + failure);
                }
            }
        }
        System.out.printf("component validation conformance: %d passed, %d failed, %d skipped (%d known failures)%n",
                passed, failed, skipped, known.size());
        tallies.forEach((group, t) -> System.out.printf("  %-70s %s%s%n", group, t,
                group.endsWith("assert_invalid") || group.endsWith("assert_malformed")
                        ? "; expected message in " + t.messageMatches + " of " + t.passed + " rejections" : ""));
        regressions.forEach(r -> System.out.println("  REGRESSION " + r));
        stale.forEach(id -> System.out.println("  NOW PASSES, remove from " + KNOWN_FAILURES + ": " + id));
        assertThat(regressions).as("failures not on the known-failures list").isEmpty();
        assertThat(stale).as("known failures that now pass").isEmpty();
    }

    /** Returns why the case failed, or {@code null}. */
    private static String check(ValidationCase c, Tally tally) {
        // Binaries that fail only when instantiated or run are valid.
        boolean valid = !c.role().equals("assert_invalid") && !c.role().equals("assert_malformed");
        try {
            ComponentValidator.validate(c.bytes(), c.features());
            return valid ? null : "accepted, expected \"" + c.text() + "\"";
        } catch (DecodeException | ValidationException e) {
            if (valid) {
                return "rejected: " + e.getMessage().replace('\n', ' ');
            }
            String reason = e instanceof ValidationException v ? v.reason() : ((DecodeException) e).reason();
            // A few expected texts end with wasmparser's "(at offset 0x..)", which the full message has too.
            if (reason.contains(c.text()) || e.getMessage().contains(c.text())) {
                tally.messageMatches++;
            }
            return null;
        }
    }

    private static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        InputStream in = ComponentValidationConformanceTest.class.getResourceAsStream("/" + KNOWN_FAILURES);
        if (in == null) {
            return known;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!id.isEmpty()) {
                    known.put(id, hash >= 0 ? line.substring(hash + 1).strip() : "");
                }
            }
        }
        return known;
    }
}
