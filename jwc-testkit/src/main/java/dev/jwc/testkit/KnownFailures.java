package dev.jwc.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;

/**
 * A conformance run checked against its known-failures list: a text resource with one case a line,
 * {@code case # reason}. The run records each case's outcome, then {@link #verify} prints
 * {@code title: N passed, M failed, K skipped} and fails on a failure the list lacks (a regression) and on a
 * listed case that did not fail (it passes now, or no longer exists: the list only shrinks).
 */
public final class KnownFailures {
    private final String resource;
    private final Map<String, String> listed;
    private final Map<String, String> failures = new TreeMap<>();
    private int passed;
    private int skipped;

    private KnownFailures(String resource, Map<String, String> listed) {
        this.resource = resource;
        this.listed = listed;
    }

    /** The list in the test resource {@code resource}, e.g. {@code "core-text-known-failures.txt"}. */
    public static KnownFailures load(String resource) {
        return new KnownFailures(resource, read(resource));
    }

    /**
     * The entries {@code group/case} of a list that several runs share, keyed by {@code case}; the entries
     * of other groups are not this run's.
     */
    public static KnownFailures loadGroup(String resource, String group) {
        Map<String, String> entries = new LinkedHashMap<>();
        read(resource).forEach((id, reason) -> {
            if (id.startsWith(group + "/")) {
                entries.put(id.substring(group.length() + 1), reason);
            }
        });
        return new KnownFailures(resource + " (" + group + "/)", entries);
    }

    /**
     * Verifies a run that collected its outcomes first: every one of {@code cases} passed except the keys of
     * {@code failures} (case to why), and {@code skipped} more were not run.
     */
    public static void check(String resource, String title, Collection<String> cases, Map<String, String> failures,
            int skipped) {
        KnownFailures known = load(resource);
        known.record(cases, failures);
        known.skip(skipped);
        known.verify(title);
    }

    /**
     * Records a run that collected its outcomes first: each of {@code cases} passed but the keys of
     * {@code failures}.
     */
    public void record(Collection<String> cases, Map<String, String> failures) {
        failures.forEach(this::fail);
        pass(cases.size() - failures.size());
    }

    /** One case passed. */
    public void pass() {
        pass(1);
    }

    /** {@code count} cases passed. */
    public void pass(int count) {
        passed += count;
    }

    /** One case was not run. */
    public void skip() {
        skip(1);
    }

    /** {@code count} cases were not run. */
    public void skip(int count) {
        skipped += count;
    }

    /** Case {@code caseId} failed, for the reason {@code why}. */
    public void fail(String caseId, String why) {
        failures.put(caseId, why);
    }

    /** {@code N passed, M failed, K skipped}. */
    public String counts() {
        return passed + " passed, " + failures.size() + " failed, " + skipped + " skipped";
    }

    /** Prints {@code title: counts} and fails on regressions and on listed cases that did not fail. */
    public void verify(String title) {
        System.out.println(title + ": " + counts());
        List<String> problems = new ArrayList<>();
        failures.forEach((id, why) -> {
            if (!listed.containsKey(id)) {
                problems.add("regression: " + id + " # " + why);
            }
        });
        listed.keySet().stream().filter(id -> !failures.containsKey(id))
                .forEach(id -> problems.add("did not fail, remove from " + resource + ": " + id));
        problems.forEach(problem -> System.out.println("  " + problem));
        if (!problems.isEmpty()) {
            Assertions.fail(title + ": " + problems.size() + " problem(s) against " + resource + ":\n"
                    + String.join("\n", problems));
        }
    }

    /** Case to reason: a line's text after {@code #} is the reason; blank and comment-only lines are skipped. */
    private static Map<String, String> read(String resource) {
        // The context class loader sees the resources of the module under test.
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("known-failures list not found on the test class path: " + resource);
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int hash = line.indexOf('#');
                String id = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (!id.isEmpty()) {
                    entries.put(id, hash < 0 ? "" : line.substring(hash + 1).strip());
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
