package dev.jwc.text;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared plumbing of the conformance runners: locating {@code ../shared}, counting outcomes and
 * checking them against a known-failures list (one case per line, {@code # reason} after it).
 */
public final class Conformance {
    private final String knownFailuresResource;
    private final Set<String> known;
    private final TreeMap<String, String> failures = new TreeMap<>();
    private int passed;
    private int skipped;

    public Conformance(String knownFailuresResource) {
        this.knownFailuresResource = knownFailuresResource;
        this.known = readKnown(knownFailuresResource);
    }

    /** The conformance folder of {@code ../shared}, or skips the calling test when it is absent. */
    public static Path root() {
        String shared = System.getProperty("jwc.shared", "../shared");
        Path dir = Path.of(shared, "conformance");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared not found: conformance skipped");
        return dir;
    }

    /**
     * A {@code .wast} script of a suite and the folder where json-from-wast wrote its command list
     * ({@code <name>.json}) and binaries; {@code name} identifies the case, e.g. {@code wasm-tools/tests/cli/x.wast}.
     */
    public record Script(Path wast, String name, Path derived) {
        public Path json() {
            return derived.resolve(derived.getFileName() + ".json");
        }
    }

    /** The scripts of the wasm-tools cli tests and of the component-model suite. */
    public static List<Script> scripts() {
        Path root = root();
        List<Script> scripts = new ArrayList<>();
        for (String[] suite : new String[][] {{"wasm-tools", "tests/cli"}, {"component-model", "test"}}) {
            Path suiteRoot = root.resolve(suite[0]);
            Path tests = suiteRoot.resolve(suite[1]);
            if (!Files.isDirectory(tests)) {
                continue;
            }
            for (Path wast : files(tests, ".wast")) {
                Path rel = suiteRoot.relativize(wast);
                String base = wast.getFileName().toString().replaceFirst("\\.wast$", "");
                Path derived = suiteRoot.resolve("_derived/json-from-wast").resolve(rel).resolveSibling(base);
                scripts.add(new Script(wast, suite[0] + "/" + rel, derived));
            }
        }
        return scripts;
    }

    /** Every file under {@code dir} whose name ends with {@code suffix}, sorted. */
    public static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void pass() {
        passed++;
    }

    public void skip() {
        skipped++;
    }

    public void fail(String caseName, String why) {
        failures.put(caseName, why);
    }

    /** Prints the counts and fails on regressions and on listed cases that now pass. */
    public void report(String title) {
        System.out.println(title + ": " + passed + " passed, " + failures.size() + " failed, " + skipped + " skipped");
        List<String> problems = new ArrayList<>();
        failures.forEach((name, why) -> {
            if (!known.contains(name)) {
                problems.add("regression: " + name + ": " + why);
            }
        });
        for (String name : known) {
            if (!failures.containsKey(name)) {
                problems.add("now passes, remove from " + knownFailuresResource + ": " + name);
            }
        }
        if (!problems.isEmpty()) {
            org.junit.jupiter.api.Assertions.fail(problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
    }

    private static Set<String> readKnown(String resource) {
        Set<String> names = new LinkedHashSet<>();
        try (InputStream in = Conformance.class.getResourceAsStream(resource)) {
            if (in == null) {
                return names;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.replaceFirst("#.*", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
