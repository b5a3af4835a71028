package dev.jwc.text;

import dev.jwc.testkit.SharedSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scripts and files of the shared conformance suites that jwc-text's runners read. */
public final class Conformance {
    private Conformance() {
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
        Path root = SharedSuite.require("conformance");
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
}
