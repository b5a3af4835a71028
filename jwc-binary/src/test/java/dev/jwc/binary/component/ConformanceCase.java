package dev.jwc.binary.component;

import dev.jwc.binary.Features;
import dev.jwc.json.Json;
import dev.jwc.testkit.SharedSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One binary of the conformance suites with the role its JSON command list gives it and the features
 * its {@code .wast} file's {@code RUN:} line enables.
 *
 * @param id       path relative to the suites' root, used in the known-failures list
 * @param role     the command type: module, module_definition, assert_invalid, assert_malformed, ...
 * @param text     the expected error substring of assert_* commands, empty otherwise
 * @param features the features the suite runs this file with
 */
record ConformanceCase(String id, Path file, String role, String text, Features features) {

    /**
     * A suite: its derived JSON and binaries, the folder its {@code source_filename}s are relative to,
     * and the features before any {@code -f} of a RUN line.
     */
    private record Suite(String derived, String sources, Features base) {
    }

    private static final List<Suite> SUITES = List.of(
            new Suite("conformance/wasm-tools/_derived/json-from-wast/tests/cli/component-model",
                    "conformance/wasm-tools", Features.defaults()),
            new Suite("conformance/wasm-tools/_derived/json-from-wast/tests/cli/missing-features/component-model",
                    "conformance/wasm-tools", Features.defaults()),
            // The Component Model's own tests exercise every gated feature.
            new Suite("conformance/component-model/_derived/json-from-wast", "conformance/component-model",
                    Features.all()));

    /** wasm-tools' {@code -f list} or {@code -f=list} on a RUN line. */
    private static final Pattern FEATURE_FLAG = Pattern.compile("\\s-f[= ]\\s*(\\S+)");

    static boolean available() {
        return SUITES.stream().allMatch(s -> Files.isDirectory(SharedSuite.root().resolve(s.derived())));
    }

    /** Every binary command of the suites, in a stable order. */
    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        Path root = SharedSuite.root();
        for (Suite suite : SUITES) {
            try (Stream<Path> files = Files.walk(root.resolve(suite.derived()))) {
                for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    cases.addAll(casesOf(root, suite, json));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    private static List<ConformanceCase> casesOf(Path root, Suite suite, Path json) throws IOException {
        List<ConformanceCase> cases = new ArrayList<>();
        Json.Obj doc = (Json.Obj) Json.parse(Files.readString(json));
        String source = ((Json.Str) doc.get("source_filename")).value();
        Features features = features(root.resolve(suite.sources()).resolve(source), suite.base());
        for (Json command : ((Json.Arr) doc.get("commands")).elements()) {
            Json.Obj c = (Json.Obj) command;
            if (!(c.get("filename") instanceof Json.Str filename) || !filename.value().endsWith(".wasm")
                    || !(c.get("module_type") instanceof Json.Str type) || !type.value().equals("binary")) {
                continue;
            }
            Path file = json.resolveSibling(filename.value());
            String text = c.get("text") instanceof Json.Str t ? t.value() : "";
            String role = ((Json.Str) c.get("type")).value();
            cases.add(new ConformanceCase(root.relativize(file).toString(), file, role, text, features));
        }
        return cases;
    }

    /** The features of the first RUN command of {@code wast} (continuation lines joined). */
    private static Features features(Path wast, Features base) throws IOException {
        if (!Files.isRegularFile(wast)) {
            return base;
        }
        StringBuilder run = new StringBuilder();
        for (String line : Files.readAllLines(wast)) {
            String content = line.startsWith(";; RUN:") ? line.substring(7) : null;
            if (content == null) {
                if (!run.isEmpty()) {
                    break;
                }
                continue;
            }
            run.append(' ').append(content.strip());
            if (!content.strip().endsWith("\\")) {
                break;
            }
        }
        Features features = base;
        Matcher flags = FEATURE_FLAG.matcher(run);
        while (flags.find()) {
            features = features.apply(flags.group(1));
        }
        return features;
    }

    byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
