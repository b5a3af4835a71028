package dev.jwc.wit.print;

import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Path WASM_TOOLS = SharedSuite.path("conformance/wasm-tools");
    private static final Path CLI = WASM_TOOLS.resolve("tests/cli");
    private static final Path INTERFACES = WASM_TOOLS.resolve("crates/wit-component/tests/interfaces");
    /** The plain {@code component wit} invocations; others (--wasm, --json, merging) print something else. */
    private static final Pattern RUN = Pattern.compile(
            "// RUN: component wit (?:--features (\\S+) |(--all-features) )?%\\s*");

    @Test
    void printedWitMatchesWasmTools() throws IOException {
        SharedSuite.assumePresent(CLI, INTERFACES);
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
                outcomes.put("cli/" + file, compare(loader, input, CLI.resolve(file + ".stdout"), true));
            }
        }
        for (Path input : list(INTERFACES)) {
            String file = input.getFileName().toString();
            Optional<Path> expected = Files.isDirectory(input)
                    ? list(input).stream().filter(p -> p.toString().endsWith(".wit.print")).findFirst()
                    : Optional.of(INTERFACES.resolve(file + ".print")).filter(p -> file.endsWith(".wit"));
            if (expected.isPresent() && Files.exists(expected.get())) {
                outcomes.put("interfaces/" + file,
                        compare(WitLoader.withFeatures(Set.of()), input, expected.get(), false));
            }
        }
        report(outcomes);
    }

    /**
     * Empty when the printed text matches, else why not. wasm-tools' CLI runner turns every backslash of the output
     * into a slash before comparing (for Windows paths), so {@code cli} outputs are compared after the same change.
     */
    private static Optional<String> compare(WitLoader loader, Path input, Path expectedFile, boolean cli)
            throws IOException {
        String printed;
        try {
            WitLoader.Result loaded = loader.load(input);
            printed = WitPrinter.print(loaded.resolve(), loaded.main(), loaded.nested());
            if (cli) {
                printed = printed.replace('\\', '/');
            }
        } catch (WitException e) {
            return Optional.of("does not resolve: " + e.getMessage());
        }
        String expected = Files.readString(expectedFile);
        return printed.stripTrailing().equals(expected.stripTrailing()) ? Optional.empty()
                : Optional.of("differs\n--- ours:\n" + printed + "--- wasm-tools:\n" + expected);
    }

    private static void report(Map<String, Optional<String>> outcomes) {
        KnownFailures known = KnownFailures.load("wit-print-golden-known-failures.txt");
        outcomes.forEach((name, failure) -> failure.ifPresentOrElse(why -> known.fail(name, why), known::pass));
        known.verify("WIT printer vs wasm-tools");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
