package dev.jwc.wit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A checked-in known-failures list ({@code case # reason} per line) and the verdict over one run; shared by the
 * conformance runners of the modules that use this test jar.
 */
public final class KnownFailures {
    private KnownFailures() {}

    public static void check(String resource, String suite, List<String> cases, Map<String, String> failures, int skipped)
            throws IOException {
        Set<String> known = load(resource);
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
        System.out.println(suite + ": " + (cases.size() - failures.size()) + " passed, " + failures.size()
                + " failed, " + skipped + " skipped");
        assertThat(regressions).as("unexpected failures in " + suite).isEmpty();
        assertThat(fixed).as("known failures of " + suite + " that now pass (remove them from " + resource + ")")
                .isEmpty();
    }

    private static Set<String> load(String resource) throws IOException {
        Set<String> known = new TreeSet<>();
        try (InputStream in = KnownFailures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.replaceFirst("#.*", "").strip();
                if (!entry.isEmpty()) {
                    known.add(entry);
                }
            }
        }
        return known;
    }
}
