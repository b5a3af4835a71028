package dev.jwc.witcomponent;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.component.Section;
import dev.jwc.json.Json;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.text.TextException;
import dev.jwc.text.component.ComponentTextParser;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.roundtrip.CanonicalModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * wit-component's {@code tests/interfaces} suite: every WIT package there, encoded by us and decoded again, is
 * the same resolved model ({@code roundtrip/<case>}); wasm-tools' expected binary ({@code <case>.wat}, assembled
 * into {@code _derived/wat2wasm}) decodes to that model too ({@code expected/<case>}), and so does its text
 * parsed by our component text parser ({@code expected-text/<case>}), and our encoding has its very bytes
 * ({@code bytes/<case>}, producers aside). Models are compared for
 * the main package through {@link CanonicalModel}, which ignores arena numbering.
 */
class InterfacesConformanceTest {
    private static final Path SHARED = SharedSuite.root();
    private static final Path SUITE = SHARED.resolve("conformance/wasm-tools/crates/wit-component/tests/interfaces");
    private static final Path DERIVED = SHARED.resolve(
            "conformance/wasm-tools/_derived/wat2wasm/crates/wit-component/tests/interfaces");

    @Test
    void packagesRoundTripAndExpectedBinariesDecode() throws IOException {
        SharedSuite.assumePresent(SUITE, DERIVED);
        List<String> cases = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        int skipped = 0;
        for (Path wat : list(SUITE)) {
            String file = wat.getFileName().toString();
            if (!file.endsWith(".wat")) {
                continue;
            }
            String name = file.substring(0, file.length() - ".wat".length());
            Path input = Files.isDirectory(SUITE.resolve(name)) ? SUITE.resolve(name) : SUITE.resolve(name + ".wit");
            if (!Files.exists(input)) {
                // A binary left without WIT source has no expected model to compare with.
                skipped++;
                continue;
            }
            cases.add("roundtrip/" + name);
            cases.add("expected/" + name);
            cases.add("expected-text/" + name);
            WitLoader.Result loaded;
            try {
                loaded = WitLoader.withFeatures(Set.of()).load(input);
            } catch (WitException e) {
                failures.put("roundtrip/" + name, "load: " + e.getMessage());
                failures.put("expected/" + name, "load: " + e.getMessage());
                failures.put("expected-text/" + name, "load: " + e.getMessage());
                continue;
            }
            String pkg = loaded.resolve().get(loaded.main()).name().toString();
            Json want = main(loaded.resolve(), pkg);
            check(failures, "roundtrip/" + name, want, pkg,
                    () -> WitDecoding.decode(WitEncoding.encodePackageBytes(loaded.resolve(), loaded.main())));
            check(failures, "expected/" + name, want, pkg,
                    () -> WitDecoding.decode(Files.readAllBytes(DERIVED.resolve(name + ".wasm"))));
            cases.add("bytes/" + name);
            sameBytes(failures, "bytes/" + name, loaded, DERIVED.resolve(name + ".wasm"));
            check(failures, "expected-text/" + name, want, pkg,
                    () -> WitDecoding.decode(ComponentTextParser.parse(Files.readString(wat))));
        }
        KnownFailures.check("interfaces-known-failures.txt", "wit-component interfaces", cases, failures, skipped);
    }

    private interface Decode {
        WitDecoding.Decoded run() throws IOException;
    }

    private static void check(Map<String, String> failures, String name, Json want, String pkg, Decode decode)
            throws IOException {
        try {
            WitDecoding.Decoded decoded = decode.run();
            if (!(decoded instanceof WitDecoding.Decoded.Package)) {
                failures.put(name, "decoded as a component, not a package");
            } else if (!want.equals(main(decoded.resolve(), pkg))) {
                failures.put(name, "model differs:\n" + want.toPrettyString() + "\n---\n"
                        + main(decoded.resolve(), pkg).toPrettyString());
            }
        } catch (WitComponentException | TextException e) {
            failures.put(name, e.getMessage());
        }
    }

    /** Our encoding has wasm-tools' bytes, the producers section (which names the tool) aside. */
    private static void sameBytes(Map<String, String> failures, String name, WitLoader.Result loaded, Path expected)
            throws IOException {
        try {
            Component ours = WitEncoding.encodePackage(loaded.resolve(), loaded.main());
            Component theirs = ComponentReader.readComponent(Files.readAllBytes(expected));
            if (!Arrays.equals(ComponentWriter.write(withoutProducers(ours)), ComponentWriter.write(withoutProducers(theirs)))) {
                failures.put(name, "encoding differs from wasm-tools'");
            }
        } catch (WitComponentException e) {
            failures.put(name, e.getMessage());
        }
    }

    private static Component withoutProducers(Component c) {
        return new Component(c.sections().stream()
                .filter(s -> !(s instanceof Section.Custom custom && custom.name().equals("producers"))).toList());
    }

    private static Json main(Resolve resolve, String pkg) {
        return ((Json.Obj) CanonicalModel.of(resolve)).get(pkg);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
