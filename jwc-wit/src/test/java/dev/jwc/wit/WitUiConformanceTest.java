package dev.jwc.wit;

import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.wit.conformance.WitUiSuite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs wasm-tools' wit-parser UI suite: every positive case must resolve to exactly the expected JSON, every
 * {@code parse-fail} case must be rejected with a positioned {@link WitException}. Cases listed in
 * {@code wit-ui-known-failures.txt} are expected to fail; the test fails on a regression and when a listed case
 * starts passing.
 */
class WitUiConformanceTest {
    private static final Path UI = WitUiSuite.UI;

    @Test
    void positiveCasesMatchExpectedJson() throws IOException {
        SharedSuite.assumePresent(UI);
        WitUiSuite.Outcome outcome = WitUiSuite.runPositive(WitLoader.withFeatures(Set.of("active")));
        report("positive", outcome.cases(), outcome.failures());
    }

    @Test
    void parseFailCasesAreRejectedWithAPosition() throws IOException {
        SharedSuite.assumePresent(UI);
        Path dir = UI.resolve("parse-fail");
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> cases = new ArrayList<>();
        for (Path input : list(dir)) {
            String file = input.getFileName().toString();
            if (file.endsWith(".result")) {
                continue;
            }
            cases.add(file);
            try {
                WitLoader.withFeatures(Set.of("active")).load(input);
                failures.put(file, "accepted");
            } catch (WitException e) {
                if (e.line() <= 0) {
                    failures.put(file, "no position: " + e.getMessage());
                }
            }
        }
        report("parse-fail", cases, failures);
    }

    private static List<Path> list(Path dir) throws IOException {
        return WitUiSuite.list(dir);
    }

    private static void report(String group, List<String> cases, Map<String, String> failures) {
        KnownFailures known = KnownFailures.loadGroup("wit-ui-known-failures.txt", group);
        known.record(cases, failures);
        known.verify("wit-parser ui " + group);
    }

}
