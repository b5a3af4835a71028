package dev.jwc.binary.component;

import dev.jwc.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One binary of the conformance suites with the role its JSON command list gives it.
 *
 * @param id     path relative to the suites' root, used in the known-failures list
 * @param role   the command type: module, module_definition, assert_invalid, assert_malformed, ...
 * @param text   the expected error substring of assert_* commands, empty otherwise
 */
record ConformanceCase(String id, Path file, String role, String text) {

    static final List<String> SUITES = List.of(
            "conformance/wasm-tools/_derived/json-from-wast/tests/cli/component-model",
            "conformance/component-model/_derived/json-from-wast");

    static Path sharedRoot() {
        return Path.of(System.getProperty("jwc.shared", "../shared"));
    }

    static boolean available() {
        return SUITES.stream().allMatch(s -> Files.isDirectory(sharedRoot().resolve(s)));
    }

    /** Every binary command of both suites, in a stable order. */
    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        Path root = sharedRoot();
        for (String suite : SUITES) {
            try (Stream<Path> files = Files.walk(root.resolve(suite))) {
                for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    cases.addAll(casesOf(root, json));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    private static List<ConformanceCase> casesOf(Path root, Path json) throws IOException {
        List<ConformanceCase> cases = new ArrayList<>();
        Json.Obj doc = (Json.Obj) Json.parse(Files.readString(json));
        for (Json command : ((Json.Arr) doc.get("commands")).elements()) {
            Json.Obj c = (Json.Obj) command;
            if (!(c.get("filename") instanceof Json.Str filename) || !filename.value().endsWith(".wasm")
                    || !(c.get("module_type") instanceof Json.Str type) || !type.value().equals("binary")) {
                continue;
            }
            Path file = json.resolveSibling(filename.value());
            String text = c.get("text") instanceof Json.Str t ? t.value() : "";
            String role = ((Json.Str) c.get("type")).value();
            cases.add(new ConformanceCase(root.relativize(file).toString(), file, role, text));
        }
        return cases;
    }

    byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
