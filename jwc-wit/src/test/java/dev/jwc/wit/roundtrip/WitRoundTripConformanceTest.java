package dev.jwc.wit.roundtrip;

import dev.jwc.json.Json;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.print.WitPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Print → parse round trip: every WASI package of the spec (with all features, and with none), every positive
 * case of wit-parser's UI suite and every input of wit-component's interface tests is resolved, printed with {@link WitPrinter}, parsed and resolved again; the two models must be equal up to
 * arena numbering and declaration order ({@link CanonicalModel}), and printing the second model must give the
 * same text again. Cases in {@code wit-roundtrip-known-failures.txt} are expected to fail; the test fails on a
 * regression and when a listed case starts passing.
 */
class WitRoundTripConformanceTest {
    private static final Path SHARED = SharedSuite.root();
    private static final Path UI = SHARED.resolve("conformance/wasm-tools/crates/wit-parser/tests/ui");
    private static final Path INTERFACES = SHARED.resolve("conformance/wasm-tools/crates/wit-component/tests/interfaces");
    private static final Path WASI = SHARED.resolve("spec/wasi");
    private static final List<String> WASI_VERSIONS = List.of("0.2.12", "0.3.0");

    @TempDir
    Path work;

    @Test
    void printedWitResolvesToTheSameModel() throws IOException {
        SharedSuite.assumePresent(UI, WASI, INTERFACES);
        Map<String, Outcome> outcomes = new TreeMap<>();
        for (String version : WASI_VERSIONS) {
            for (Path pkg : list(WASI.resolve(version))) {
                if (Files.isDirectory(pkg)) {
                    String name = "wasi/" + version + "/" + pkg.getFileName();
                    Path input = wasiWithDeps(pkg);
                    outcomes.put(name, roundTrip(name, input, WitLoader.withAllFeatures()));
                    outcomes.put(name + " (default features)", roundTrip(name + "-default", input,
                            WitLoader.withFeatures(Set.of())));
                }
            }
        }
        for (Path input : list(UI)) {
            String file = input.getFileName().toString();
            if (file.equals("parse-fail") || file.endsWith(".json")) {
                continue;
            }
            String name = "ui/" + file;
            outcomes.put(name, file.endsWith(".wit") || Files.isDirectory(input)
                    ? roundTrip(name, input, WitLoader.withFeatures(Set.of("active")))
                    : Outcome.skipped("not WIT text"));
        }
        for (Path input : list(INTERFACES)) {
            String file = input.getFileName().toString();
            if (file.endsWith(".wit") || Files.isDirectory(input)) {
                String name = "interfaces/" + file;
                outcomes.put(name, roundTrip(name, input, WitLoader.withFeatures(Set.of())));
            }
        }
        report(outcomes);
    }

    private sealed interface Outcome {
        record Passed() implements Outcome {}

        record Failed(String why) implements Outcome {}

        record Skipped(String why) implements Outcome {}

        static Outcome skipped(String why) {
            return new Skipped(why);
        }
    }

    private Outcome roundTrip(String name, Path input, WitLoader loader) throws IOException {
        WitLoader.Result first;
        try {
            first = loader.load(input);
        } catch (WitException e) {
            return new Outcome.Failed("does not resolve: " + e.getMessage());
        }
        String printed;
        try {
            printed = WitPrinter.print(first.resolve(), first.main(), first.nested());
        } catch (IllegalArgumentException e) {
            return new Outcome.Failed("print: " + e.getMessage());
        }
        Path reparsed = printedCopy(name, input, printed);
        WitLoader.Result second;
        try {
            second = loader.load(reparsed);
        } catch (WitException e) {
            return new Outcome.Failed("printed text does not resolve: " + e.render() + "\n--- printed:\n" + printed);
        }
        Json want = CanonicalModel.of(first.resolve());
        Json got = CanonicalModel.of(second.resolve());
        if (!want.equals(got)) {
            return new Outcome.Failed("models differ\n--- printed:\n" + printed + "\n--- first model:\n"
                    + want.toPrettyString() + "\n--- reparsed model:\n" + got.toPrettyString());
        }
        String again = WitPrinter.print(second.resolve(), second.main(), second.nested());
        if (!again.equals(printed)) {
            return new Outcome.Failed("printing is not a fixpoint\n--- first:\n" + printed + "\n--- second:\n" + again);
        }
        return new Outcome.Passed();
    }

    /** The printed text where the loader finds the same dependencies as the original input. */
    private Path printedCopy(String name, Path input, String printed) throws IOException {
        Path dir = Files.createDirectories(work.resolve("printed").resolve(name.replace('/', '_')));
        Path deps = input.resolve("deps");
        if (!Files.isDirectory(deps)) {
            Path file = dir.resolve("printed.wit");
            Files.writeString(file, printed);
            return file;
        }
        Files.writeString(dir.resolve("printed.wit"), printed);
        Files.createSymbolicLink(dir.resolve("deps"), deps.toAbsolutePath());
        return dir;
    }

    /**
     * A WASI package directory names its dependencies in {@code deps.toml} for wit-deps, which would fetch
     * them into {@code deps/}; here the sibling packages of the same release play that part.
     */
    private Path wasiWithDeps(Path pkg) throws IOException {
        Path dir = Files.createDirectories(work.resolve("wasi").resolve(pkg.getParent().getFileName().toString())
                .resolve(pkg.getFileName().toString()));
        for (Path wit : list(pkg)) {
            if (wit.getFileName().toString().endsWith(".wit")) {
                Files.createSymbolicLink(dir.resolve(wit.getFileName()), wit.toAbsolutePath());
            }
        }
        Path deps = Files.createDirectories(dir.resolve("deps"));
        for (Path sibling : list(pkg.getParent())) {
            if (Files.isDirectory(sibling) && !sibling.equals(pkg)) {
                Files.createSymbolicLink(deps.resolve(sibling.getFileName()), sibling.toAbsolutePath());
            }
        }
        return dir;
    }

    private static void report(Map<String, Outcome> outcomes) {
        KnownFailures known = KnownFailures.load("wit-roundtrip-known-failures.txt");
        outcomes.forEach((name, outcome) -> {
            switch (outcome) {
                case Outcome.Passed p -> known.pass();
                case Outcome.Failed f -> known.fail(name, f.why());
                case Outcome.Skipped s -> known.skip();
            }
        });
        known.verify("WIT print/parse round trip");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
