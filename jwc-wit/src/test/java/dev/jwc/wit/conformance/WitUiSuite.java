package dev.jwc.wit.conformance;

import dev.jwc.testkit.SharedSuite;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;

import dev.jwc.json.Json;
import dev.jwc.wit.json.ResolveJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * wasm-tools' wit-parser UI suite, positive half: each case loaded by a given {@link WitLoader} must give exactly
 * the expected JSON. Shared by jwc-wit's {@code WitUiConformanceTest} and the runner of jwc-wit-component, whose loader
 * also reads binary packages.
 */
public final class WitUiSuite {
    /** The suite's folder under {@code jwc.shared}. */
    public static final Path UI = SharedSuite.path("conformance/wasm-tools/crates/wit-parser/tests/ui");

    private WitUiSuite() {}

    /** The cases run, in order, and why each failing one failed. */
    public record Outcome(List<String> cases, Map<String, String> failures) {}

    /** Runs every positive case ({@code X.wit.json} beside {@code X.wit}, {@code X/} or {@code X.wat}). */
    public static Outcome runPositive(WitLoader loader) throws IOException {
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> cases = new ArrayList<>();
        for (Path expected : list(UI)) {
            String file = expected.getFileName().toString();
            if (!file.endsWith(".wit.json")) {
                continue;
            }
            String name = file.substring(0, file.length() - ".wit.json".length());
            cases.add(name);
            Path input = Stream.of(name + ".wit", name, name + ".wat").map(UI::resolve).filter(Files::exists)
                    .findFirst().orElse(UI.resolve(name));
            try {
                Json actual = ResolveJson.toJson(loader.load(input).resolve());
                Json want = Json.parse(Files.readString(expected));
                if (!actual.equals(want)) {
                    failures.put(name, "JSON differs:\n" + actual.toPrettyString());
                }
            } catch (WitException e) {
                failures.put(name, e.render());
            }
        }
        return new Outcome(cases, failures);
    }

    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
