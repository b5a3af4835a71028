package dev.jwc.binary.validate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.binary.ValidationException;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
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
        assumeTrue(ValidationCase.available(), SharedSuite.SKIPPED);
        KnownFailures known = KnownFailures.load(KNOWN_FAILURES);
        Map<String, Tally> tallies = new TreeMap<>();
        for (ValidationCase c : ValidationCase.all()) {
            String role = c.role().equals("module_definition") ? "module" : c.role();
            Tally tally = tallies.computeIfAbsent(c.group() + " / " + role, k -> new Tally());
            if (!c.skip().isEmpty()) {
                tally.skipped++;
                known.skip();
                continue;
            }
            String failure = check(c, tally);
            if (failure == null) {
                tally.passed++;
                known.pass();
            } else {
                tally.failed++;
                known.fail(c.id(), "(" + c.role() + ") " + failure);
            }
        }
        tallies.forEach((group, t) -> System.out.printf("  %-70s %s%s%n", group, t,
                group.endsWith("assert_invalid") || group.endsWith("assert_malformed")
                        ? "; expected message in " + t.messageMatches + " of " + t.passed + " rejections" : ""));
        known.verify("component validation conformance");
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
}
