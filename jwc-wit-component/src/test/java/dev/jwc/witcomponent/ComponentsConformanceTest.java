package dev.jwc.witcomponent;

import dev.jwc.json.Json;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.text.TextException;
import dev.jwc.text.component.ComponentTextParser;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.print.WitPrinter;
import dev.jwc.wit.roundtrip.CanonicalModel;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * wit-component's {@code tests/components} suite: the world we decode from each {@code component.wasm} is the
 * resolved model of the expected {@code component.wit.print} (what {@code wasm-tools component wit} prints),
 * compared through {@link CanonicalModel}; so is the world of {@code component.wat} parsed by our component text
 * parser ({@code text/<case>}).
 */
class ComponentsConformanceTest {
    private static final Path SHARED = SharedSuite.root();
    private static final Path SUITE = SHARED.resolve("conformance/wasm-tools/crates/wit-component/tests/components");
    private static final Path DERIVED = SHARED.resolve(
            "conformance/wasm-tools/_derived/wat2wasm/crates/wit-component/tests/components");

    @TempDir
    Path work;

    @Test
    void decodedWorldsMatchPrintedWit() throws IOException {
        SharedSuite.assumePresent(SUITE, DERIVED);
        List<String> cases = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        int skipped = 0;
        for (Path dir : list(SUITE)) {
            String name = dir.getFileName().toString();
            Path expected = dir.resolve("component.wit.print");
            Path wasm = DERIVED.resolve(name).resolve("component.wasm");
            if (!Files.exists(expected)) {
                continue;
            }
            if (!Files.exists(wasm)) {
                // wat2wasm could not assemble this case's text, so there is no binary to decode.
                skipped++;
                continue;
            }
            cases.add(name);
            check(failures, name, expected, () -> WitDecoding.decode(Files.readAllBytes(wasm)));
            cases.add("text/" + name);
            check(failures, "text/" + name, expected,
                    () -> WitDecoding.decode(ComponentTextParser.parse(Files.readString(dir.resolve("component.wat")))));
        }
        KnownFailures.check("components-known-failures.txt", "wit-component components", cases, failures, skipped);
    }

    private interface Decode {
        WitDecoding.Decoded run() throws IOException;
    }

    private void check(Map<String, String> failures, String name, Path expected, Decode decode) throws IOException {
        try {
            WitDecoding.Decoded decoded = decode.run();
            Json got = main(decoded.resolve());
            Json want = main(expectedModel(name, expected, decoded));
            if (!(decoded instanceof WitDecoding.Decoded.ComponentWorld)) {
                failures.put(name, "decoded as a WIT package");
            } else if (!want.equals(got)) {
                failures.put(name, "model differs:\n" + want.toPrettyString() + "\n---\n" + got.toPrettyString());
            }
        } catch (WitComponentException | WitException | TextException e) {
            failures.put(name, e.getMessage());
        }
    }

    /**
     * The expected text names foreign packages without defining them, so it is loaded beside the foreign
     * packages we decoded (printed as WIT into {@code deps/}); only the world's own package is compared.
     */
    private Resolve expectedModel(String name, Path expected, WitDecoding.Decoded decoded) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name.replace('/', '-')));
        Path deps = Files.createDirectories(dir.resolve("deps"));
        Files.copy(expected, dir.resolve("component.wit"));
        for (PackageId pkg : decoded.resolve().packageIds()) {
            if (!pkg.equals(decoded.main())) {
                Files.writeString(deps.resolve("pkg" + pkg.index() + ".wit"), WitPrinter.print(decoded.resolve(), pkg));
            }
        }
        return WitLoader.withAllFeatures().load(dir).resolve();
    }

    private static Json main(Resolve resolve) {
        return ((Json.Obj) CanonicalModel.of(resolve)).get(WitDecoding.COMPONENT_PACKAGE.toString());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
