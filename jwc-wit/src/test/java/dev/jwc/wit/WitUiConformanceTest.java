package dev.jwc.wit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.json.Json;
import dev.jwc.wit.json.ResolveJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs wasm-tools' wit-parser UI suite: every positive case must resolve to exactly the expected JSON, every
 * {@code parse-fail} case must be rejected with a positioned {@link WitException}. Cases listed in
 * {@code wit-ui-known-failures.txt} are expected to fail; the test fails on a regression and when a listed case
 * starts passing.
 */
class WitUiConformanceTest {
    private static final Path UI = Path.of(System.getProperty("jwc.shared", "../shared"))
            .resolve("conformance/wasm-tools/crates/wit-parser/tests/ui");

    @Test
    void positiveCasesMatchExpectedJson() throws IOException {
        assumeTrue(Files.isDirectory(UI), "../shared not found: conformance skipped");
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> cases = new ArrayList<>();
        for (Path expected : list(UI)) {
            String file = expected.getFileName().toString();
            if (!file.endsWith(".wit.json")) {
                continue;
            }
            String name = file.substring(0, file.length() - ".wit.json".length());
            cases.add(name);
            Path input = Stream.of(name + ".wit", name, name + ".wat").map(UI::resolve).filter(Files::exists)
                    .findFirst().orElse(UI.resolve(name));
            try {
                var result = WitLoader.withFeatures(Set.of("active")).load(input);
                Json actual = ResolveJson.toJson(result.resolve());
                Json want = Json.parse(Files.readString(expected));
                if (!actual.equals(want)) {
                    failures.put(name, "JSON differs");
                }
            } catch (WitException e) {
                failures.put(name, e.render());
            }
        }
        report("positive", cases, failures);
    }

    @Test
    void parseFailCasesAreRejectedWithAPosition() throws IOException {
        assumeTrue(Files.isDirectory(UI), "../shared not found: conformance skipped");
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
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    private static void report(String group, List<String> cases, Map<String, String> failures) throws IOException {
        Set<String> known = knownFailures(group);
        List<String> regressions = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (String c : cases) {
            boolean failed = failures.containsKey(c);
            if (failed && !known.contains(c)) {
                regressions.add(c + ": " + failures.get(c));
            } else if (!failed && known.contains(c)) {
                fixed.add(c);
            }
        }
        int failed = failures.size();
        System.out.println("wit-parser ui " + group + ": " + (cases.size() - failed) + " passed, " + failed
                + " failed, 0 skipped");
        assertThat(regressions).as("unexpected failures in " + group).isEmpty();
        assertThat(fixed).as("known failures of " + group + " that now pass (remove them from the list)").isEmpty();
    }

    private static Set<String> knownFailures(String group) throws IOException {
        Set<String> known = new TreeSet<>();
        try (InputStream in = WitUiConformanceTest.class.getResourceAsStream("/wit-ui-known-failures.txt")) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.replaceFirst("#.*", "").strip();
                if (entry.startsWith(group + "/")) {
                    known.add(entry.substring(group.length() + 1));
                }
            }
        }
        return known;
    }
}
