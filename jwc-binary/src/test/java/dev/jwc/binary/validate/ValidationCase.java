package dev.jwc.binary.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.Features;
import dev.jwc.json.Json;
import dev.jwc.testkit.SharedSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One binary of the component conformance suites with its command type, the expected message of
 * {@code assert_*} commands and the features its {@code .wast} runs with.
 *
 * @param id    path relative to the shared folder, as the known-failures list names it
 * @param group which suite and folder it belongs to, for the counts
 * @param skip  why the suite itself says not to run it, or empty
 */
record ValidationCase(String id, String group, Path file, String role, String text, Features features, String skip) {

    static final String WASM_TOOLS = "conformance/wasm-tools";
    static final String SPEC = "conformance/component-model";
    private static final Pattern FEATURE_FLAG = Pattern.compile("(?:-f[= ]|--features=)(\\S+)");

    static boolean available() {
        return Files.isDirectory(SharedSuite.root().resolve(WASM_TOOLS + "/_derived/json-from-wast/tests/cli/component-model"))
                && Files.isDirectory(SharedSuite.root().resolve(SPEC + "/_derived/json-from-wast/test"));
    }

    static List<ValidationCase> all() throws IOException {
        Path root = SharedSuite.root();
        List<ValidationCase> cases = new ArrayList<>();
        Path derived = root.resolve(WASM_TOOLS + "/_derived/json-from-wast/tests/cli");
        for (String folder : List.of("component-model", "missing-features/component-model")) {
            for (Path json : jsonFiles(derived.resolve(folder))) {
                cases.addAll(casesOf(root, json, "wasm-tools " + folder, root.resolve(WASM_TOOLS), Set.of(), null));
            }
        }
        Set<String> nyi = nyi(root.resolve(SPEC + "/test/nyi.txt"));
        Features spec = Features.specTests();
        for (Path json : jsonFiles(root.resolve(SPEC + "/_derived/json-from-wast/test"))) {
            String folder = root.resolve(SPEC + "/_derived/json-from-wast/test").relativize(json).getName(0).toString();
            cases.addAll(casesOf(root, json, "component-model " + folder, root.resolve(SPEC), nyi, spec));
        }
        return cases;
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Set<String> nyi(Path list) throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add("test/" + line.strip().replaceFirst("^\\./", ""));
            }
        }
        return out;
    }

    private static List<ValidationCase> casesOf(Path root, Path json, String group, Path suiteRoot, Set<String> nyi,
            Features fixed) throws IOException {
        Json.Obj doc = (Json.Obj) Json.parse(Files.readString(json));
        String source = ((Json.Str) doc.get("source_filename")).value();
        Features features = fixed != null ? fixed : runFeatures(suiteRoot.resolve(source));
        String skip = nyi.contains(source) ? "listed in test/nyi.txt" : "";
        List<ValidationCase> cases = new ArrayList<>();
        for (Json command : ((Json.Arr) doc.get("commands")).elements()) {
            Json.Obj c = (Json.Obj) command;
            if (!(c.get("filename") instanceof Json.Str filename) || !filename.value().endsWith(".wasm")
                    || !(c.get("module_type") instanceof Json.Str type) || !type.value().equals("binary")) {
                continue;
            }
            Path file = json.resolveSibling(filename.value());
            String text = c.get("text") instanceof Json.Str t ? t.value() : "";
            String role = ((Json.Str) c.get("type")).value();
            cases.add(new ValidationCase(root.relativize(file).toString(), group, file, role, text, features, skip));
        }
        return cases;
    }

    /** The features a wasm-tools {@code .wast} asks for in its {@code ;; RUN:} directive, over the defaults. */
    static Features runFeatures(Path wast) {
        StringBuilder directive = new StringBuilder();
        try {
            for (String line : Files.readAllLines(wast)) {
                if (!line.startsWith(";;")) {
                    break;
                }
                directive.append(line.substring(2)).append(' ');
                if (!line.stripTrailing().endsWith("\\")) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Features features = Features.defaults();
        Matcher m = FEATURE_FLAG.matcher(directive);
        while (m.find()) {
            features = features.apply(m.group(1));
        }
        return features.has(Feature.COMPONENT_MODEL) ? features : features.with(Feature.COMPONENT_MODEL);
    }

    byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
