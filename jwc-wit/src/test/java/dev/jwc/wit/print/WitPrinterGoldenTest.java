package dev.jwc.wit.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares our printed WIT with what wasm-tools prints for the same input: the {@code component wit} runs of
 * wasm-tools' CLI suite ({@code tests/cli/*.wit} with their {@code .stdout}) and wit-component's
 * {@code tests/interfaces} ({@code *.wit.print}, printed by the library after a binary round trip). Only the
 * number of newlines at the very end is not compared: the library leaves a blank line after a last interface,
 * the CLI does not. Cases in {@code wit-print-golden-known-failures.txt} are expected to differ; the test fails
 * on a regression and when a listed case starts matching.
 */
class WitPrinterGoldenTest {
    private static final Path WASM_TOOLS = Path.of(System.getProperty("jwc.shared", "../shared"))
            .resolve("conformance/wasm-tools");
    private static final Path CLI = WASM_TOOLS.resolve("tests/cli");
    private static final Path INTERFACES = WASM_TOOLS.resolve("crates/wit-component/tests/interfaces");
    /** The plain {@code component wit} invocations; others (--wasm, --json, merging) print something else. */
    private static final Pattern RUN = Pattern.compile(
            "// RUN: component wit (?:--features (\\S+) |(--all-features) )?%\\s*");

    @Test
    void printedWitMatchesWasmTools() throws IOException {
        assumeTrue(Files.isDirectory(CLI) && Files.isDirectory(INTERFACES), "../shared not found: conformance skipped");
        Map<String, Optional<String>> outcomes = new TreeMap<>();
        for (Path input : list(CLI)) {
            String file = input.getFileName().toString();
            if (!file.endsWith(".wit")) {
                continue;
            }
            Matcher run = RUN.matcher(Files.readAllLines(input).getFirst());
            if (run.matches()) {
                WitLoader loader = run.group(2) != null ? WitLoader.withAllFeatures()
                        : WitLoader.withFeatures(run.group(1) == null ? Set.of() : Set.of(run.group(1).split(",")));
                outcomes.put("cli/" + file, compare(loader, input, CLI.resolve(file + ".stdout")));
            }
        }
        for (Path input : list(INTERFACES)) {
            String file = input.getFileName().toString();
            Optional<Path> expected = Files.isDirectory(input)
                    ? list(input).stream().filter(p -> p.toString().endsWith(".wit.print")).findFirst()
                    : Optional.of(INTERFACES.resolve(file + ".print")).filter(p -> file.endsWith(".wit"));
            if (expected.isPresent() && Files.exists(expected.get())) {
                outcomes.put("interfaces/" + file, compare(WitLoader.withFeatures(Set.of()), input, expected.get()));
            }
        }
        report(outcomes);
    }

    /** Empty when the printed text matches, else why not. */
    private static Optional<String> compare(WitLoader loader, Path input, Path expectedFile) throws IOException {
        String printed;
        try {
            WitLoader.Result loaded = loader.load(input);
            printed = WitPrinter.print(loaded.resolve(), loaded.main(), loaded.nested());
        } catch (WitException e) {
            return Optional.of("does not resolve: " + e.getMessage());
        }
        String expected = Files.readString(expectedFile);
        return printed.stripTrailing().equals(expected.stripTrailing()) ? Optional.empty()
                : Optional.of("differs\n--- ours:\n" + printed + "--- wasm-tools:\n" + expected);
    }

    private static void report(Map<String, Optional<String>> outcomes) throws IOException {
        Map<String, String> known = knownFailures();
        List<String> regressions = new ArrayList<>();
        List<String> nowPassing = new ArrayList<>();
        int passed = 0;
        for (var entry : outcomes.entrySet()) {
            if (entry.getValue().isEmpty()) {
                passed++;
                if (known.containsKey(entry.getKey())) {
                    nowPassing.add(entry.getKey());
                }
            } else if (!known.containsKey(entry.getKey())) {
                regressions.add(entry.getKey() + ": " + entry.getValue().get());
            }
        }
        System.out.println("WIT printer vs wasm-tools: " + passed + " passed, " + (outcomes.size() - passed)
                + " failed, 0 skipped");
        regressions.forEach(r -> System.out.println("REGRESSION " + r));
        assertThat(regressions).as("printed WIT differs from wasm-tools, not in the known-failures list").isEmpty();
        assertThat(nowPassing).as("known failures that now pass: remove them from the list").isEmpty();
        assertThat(known.keySet().stream().filter(k -> !outcomes.containsKey(k)).toList())
                .as("known failures that name no case").isEmpty();
    }

    private static Map<String, String> knownFailures() throws IOException {
        var known = new LinkedHashMap<String, String>();
        try (InputStream in = WitPrinterGoldenTest.class.getResourceAsStream("/wit-print-golden-known-failures.txt")) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.lines().toList()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    int hash = entry.indexOf('#');
                    known.put((hash < 0 ? entry : entry.substring(0, hash)).strip(),
                            hash < 0 ? "" : entry.substring(hash + 1).strip());
                }
            }
        }
        return known;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
