package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.validate.ComponentValidator;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import dev.jwc.text.component.ComponentTextParser;
import dev.jwc.text.wast.WastDirective;
import dev.jwc.text.wast.WastModule;
import dev.jwc.text.wast.WastScript;
import dev.jwc.witcomponent.WitComponentException;
import dev.jwc.witcomponent.WitDecoding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds random mutations of the conformance suites' valid binaries and texts to the reader, the validators, the WIT
 * decoder and the text parsers: the only failures allowed are our typed errors. Any other exception, a stack
 * overflow or a case that takes longer than {@link #CASE_TIMEOUT_SECONDS} fails the test, with the seed and the
 * mutated input written to {@code target/robustness/} for reproduction ({@link #replay}).
 */
class RobustnessTest {
    /** Fixed, so that CI runs the same cases; {@code -Djwc.robustness.seed=N} explores others. */
    private static final long SEED = Long.getLong("jwc.robustness.seed", 0x6A7763L);
    private static final int BINARY_CASES = 85_000;
    private static final int TEXT_CASES = 15_000;
    private static final long CASE_TIMEOUT_SECONDS = 10;
    private static final Path SHARED = SharedSuite.root();
    private static final Path CONFORMANCE = SHARED.resolve("conformance");
    private static final Path FAILURES = Path.of("target", "robustness");

    private static final java.util.concurrent.atomic.LongAdder BINARY_NANOS = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder TEXT_NANOS = new java.util.concurrent.atomic.LongAdder();

    private record Failure(String kind, int index, byte[] input, String problem) {}

    @Test
    void mutatedBinariesAndTextsFailOnlyWithTypedErrors() throws Exception {
        assumeTrue(Files.isDirectory(CONFORMANCE), "../shared not found: robustness corpus skipped");
        long start = System.nanoTime();
        List<byte[]> binaries = validBinaries();
        List<String> texts = texts();
        long loaded = System.nanoTime();
        assertThat(binaries).hasSizeGreaterThan(100);
        assertThat(texts).hasSizeGreaterThan(500);

        List<Failure> failures = new ArrayList<>();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "robustness");
            t.setDaemon(true); // a hung case must not keep the JVM alive
            return t;
        });
        try {
            List<Future<Optional<Failure>>> futures = new ArrayList<>();
            for (int i = 0; i < BINARY_CASES; i++) {
                int index = i;
                futures.add(pool.submit(() -> binaryCase(binaries, index)));
            }
            for (int i = 0; i < TEXT_CASES; i++) {
                int index = i;
                futures.add(pool.submit(() -> textCase(texts, index)));
            }
            for (int i = 0; i < futures.size() && failures.size() < 20; i++) {
                boolean binary = i < BINARY_CASES;
                int index = binary ? i : i - BINARY_CASES;
                try {
                    futures.get(i).get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS).ifPresent(failures::add);
                } catch (TimeoutException e) {
                    byte[] input = binary ? binaryInput(binaries, index)
                            : textInput(texts, index).getBytes(StandardCharsets.UTF_8);
                    failures.add(new Failure(binary ? "binary" : "text", index, input,
                            "no answer within " + CASE_TIMEOUT_SECONDS + " s (hang?)"));
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (Failure f : failures) {
            write(f);
        }
        System.out.println("robustness: " + (BINARY_CASES + TEXT_CASES) + " mutations of " + binaries.size()
                + " binaries and " + texts.size() + " texts, " + failures.size() + " untyped failures; corpus "
                + (loaded - start) / 1_000_000 + " ms, mutations " + (System.nanoTime() - loaded) / 1_000_000 + " ms"
                + " (checks: binary " + BINARY_NANOS.sum() / 1_000_000 + " ms, text " + TEXT_NANOS.sum() / 1_000_000
                + " ms of CPU)");
        assertThat(failures).as("untyped failures, inputs written to %s", FAILURES.toAbsolutePath())
                .extracting(f -> f.kind() + " case " + f.index() + ": " + f.problem())
                .isEmpty();
    }

    private static Optional<Failure> binaryCase(List<byte[]> binaries, int index) {
        byte[] input = binaryInput(binaries, index);
        return guarded("binary", index, input, () -> checkBinary(input));
    }

    private static Optional<Failure> textCase(List<String> texts, int index) {
        String input = textInput(texts, index);
        return guarded("text", index, input.getBytes(StandardCharsets.UTF_8), () -> checkText(input));
    }

    private static byte[] binaryInput(List<byte[]> binaries, int index) {
        var random = new SplittableRandom(SEED * 31 + index);
        return Mutations.binary(binaries.get(random.nextInt(binaries.size())),
                binaries.get(random.nextInt(binaries.size())), random);
    }

    private static String textInput(List<String> texts, int index) {
        var random = new SplittableRandom(SEED * 37 + index);
        return Mutations.text(texts.get(random.nextInt(texts.size())), texts.get(random.nextInt(texts.size())),
                random);
    }

    /** Runs one case: typed errors are the expected outcome of bad input, anything else is a failure. */
    private static Optional<Failure> guarded(String kind, int index, byte[] input, Runnable check) {
        long start = System.nanoTime();
        try {
            check.run();
            return Optional.empty();
        } catch (DecodeException | ValidationException | TextException | WitComponentException expected) {
            return Optional.empty();
        } catch (Throwable t) { // the harness reports every other throwable, errors included, as a bug
            var trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            String text = trace.toString();
            return Optional.of(new Failure(kind, index, input, text.substring(0, Math.min(text.length(), 4000))));
        } finally {
            (kind.equals("binary") ? BINARY_NANOS : TEXT_NANOS).add(System.nanoTime() - start);
        }
    }

    /** What a tool does with a binary: read it, validate it, recover the WIT of a component. */
    static void checkBinary(byte[] bytes) {
        switch (ComponentReader.read(bytes)) {
            case CoreModuleBinary core -> CoreValidator.validate(core.module(), Features.all());
            case Component component -> {
                ComponentValidator.validate(bytes, Features.all());
                WitDecoding.decode(component);
            }
        }
    }

    /** What a tool does with a text: parse it as a script and encode each of its modules. */
    static void checkText(String source) {
        for (WastDirective d : WastScript.parse(source).directives()) {
            switch (d) {
                case WastDirective.Module m -> encode(m.module());
                case WastDirective.ModuleDefinition m -> encode(m.module());
                case WastDirective.AssertInvalid a -> encode(a.module());
                case WastDirective.AssertUnlinkable a -> encode(a.module());
                default -> { }
            }
        }
    }

    private static void encode(WastModule module) {
        if (module instanceof WastModule.Text t && t.kind() == WastModule.Kind.COMPONENT) {
            ComponentWriter.write(ComponentTextParser.parse(t.form()));
        } else if (module.kind() == WastModule.Kind.MODULE) {
            Wat.encode(module);
        }
    }

    /** Replays one case written by a failed run: {@code -Djwc.robustness.replay=target/robustness/binary-42.bin}. */
    @Test
    void replay() throws IOException {
        String file = System.getProperty("jwc.robustness.replay");
        assumeTrue(file != null, "no -Djwc.robustness.replay=FILE given");
        byte[] input = Files.readAllBytes(Path.of(file));
        if (file.endsWith(".bin")) {
            checkBinary(input);
        } else {
            checkText(new String(input, StandardCharsets.UTF_8));
        }
    }

    private static void write(Failure f) {
        try {
            Files.createDirectories(FAILURES);
            String name = f.kind() + "-" + f.index();
            Files.write(FAILURES.resolve(name + (f.kind().equals("binary") ? ".bin" : ".wast")), f.input());
            Files.writeString(FAILURES.resolve(name + ".txt"), "seed " + SEED + ", " + f.kind() + " case "
                    + f.index() + "\n" + f.problem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suites' binaries that read (and, for core modules, validate): the seeds of the binary mutations. */
    private static List<byte[]> validBinaries() throws IOException {
        List<byte[]> valid = new ArrayList<>();
        for (Path p : files(".wasm", CONFORMANCE.resolve("wasm-tools/_derived"),
                CONFORMANCE.resolve("component-model/_derived/json-from-wast"))) {
            byte[] bytes = Files.readAllBytes(p);
            try {
                checkBinary(bytes);
                valid.add(bytes);
            } catch (DecodeException | ValidationException | WitComponentException invalid) {
                // an assert_invalid or assert_malformed module, or one beyond what we support: not a seed
            }
        }
        return valid;
    }

    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path p : files("", CONFORMANCE.resolve("wasm-tools/tests/cli/component-model"),
                CONFORMANCE.resolve("component-model/test"))) {
            String name = p.getFileName().toString();
            if (name.endsWith(".wat") || name.endsWith(".wast")) {
                texts.addAll(topLevelModules(Files.readString(p)));
            }
        }
        return texts;
    }

    /**
     * The {@code (module ...)} and {@code (component ...)} forms of a script, each its own seed: mutating one
     * module at a time keeps a case small, and so the run fast.
     */
    static List<String> topLevelModules(String script) {
        List<String> forms = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '"') {
                for (i++; i < script.length() && script.charAt(i) != '"'; i++) {
                    i += script.charAt(i) == '\\' ? 1 : 0;
                }
            } else if (c == ';' && script.startsWith(";;", i)) {
                i = Math.max(i, script.indexOf('\n', i) < 0 ? script.length() : script.indexOf('\n', i));
            } else if (c == '(' && script.startsWith("(;", i)) {
                int end = script.indexOf(";)", i);
                i = end < 0 ? script.length() : end + 1;
            } else if (c == '(') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == ')' && depth > 0 && --depth == 0) {
                String form = script.substring(start, i + 1);
                if (form.startsWith("(module") || form.startsWith("(component")) {
                    forms.add(form);
                }
            }
        }
        return forms;
    }

    private static List<Path> files(String suffix, Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted()
                            .forEach(files::add);
                }
            }
        }
        return files;
    }
}
