package dev.jwc.tools;

import dev.jwc.binary.Features;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.validate.ComponentValidator;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.json.Json;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.WorldSelection;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.print.WitPrinter;
import dev.jwc.wit.roundtrip.CanonicalModel;
import dev.jwc.witcomponent.WitComponentException;
import dev.jwc.witcomponent.WitDecoding;
import dev.jwc.witcomponent.WitEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wit-component's {@code tests/components} suite through {@code embed} + {@code new}: for a positive case the
 * component validates (as {@code jwc validate} does), and the world decoded from it equals the expected
 * {@code component.wit.print} as a resolved model; a case with an {@code error.txt} must fail with an error.
 */
class ComponentNewConformanceTest {
    private static final Path SUITE = SharedSuite.path("conformance/wasm-tools/crates/wit-component/tests/components");

    @TempDir
    Path work;

    @Test
    void embedAndNewReproduceTheExpectedWorlds() throws IOException {
        SharedSuite.assumePresent(SUITE);
        List<String> cases = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Path dir : list(SUITE)) {
            String name = dir.getFileName().toString();
            cases.add(name);
            Optional<String> failure = Files.exists(dir.resolve("error.txt")) ? errorCase(dir) : positiveCase(dir);
            failure.ifPresent(f -> failures.put(name, f));
        }
        KnownFailures.check("components-known-failures.txt", "component embed+new", cases, failures, 0);
    }

    private Optional<String> errorCase(Path dir) throws IOException {
        try {
            build(dir);
            return Optional.of("expected an error like: " + Files.readString(dir.resolve("error.txt")).strip());
        } catch (ToolsException | WitException | WitComponentException | TextException e) {
            return Optional.empty();
        }
    }

    private Optional<String> positiveCase(Path dir) throws IOException {
        try {
            byte[] bytes = build(dir);
            ComponentValidator.validate(bytes, Features.all());
            WitDecoding.Decoded decoded = WitDecoding.decode(bytes);
            Json got = main(decoded.resolve());
            Json want;
            try {
                want = main(expectedModel(dir, decoded));
            } catch (IllegalArgumentException e) {
                return Optional.of("the decoded foreign packages do not print as WIT: " + e.getMessage());
            }
            if (!want.equals(got)) {
                return Optional.of("world differs:\n" + want.toPrettyString() + "\n---\n" + got.toPrettyString());
            }
            return Optional.empty();
        } catch (ToolsException | WitException | WitComponentException | TextException | DecodeException
                 | ValidationException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * {@code embed} then {@code new}, as wit-component's test does: the case's WIT files form one package, whose
     * world {@code module} the main module and world {@code adapt-NAME} each adapter {@code adapt-NAME.wat}
     * ascribes to (NAME may instead be given on the adapter's first line, {@code ;; module name: NAME}).
     */
    private byte[] build(Path dir) throws IOException {
        // Without module.wat the harness links the case's libraries, however many there are (even none).
        if (!Files.exists(dir.resolve("module.wat"))) {
            return LinkCases.link(dir);
        }
        Path witDir = Files.createDirectories(work.resolve(dir.getFileName() + "-wit"));
        List<Path> adapters = adapters(dir);
        for (Path wit : list(dir, ".wit")) {
            Files.copy(wit, witDir.resolve(wit.getFileName().toString()));
        }
        if (Files.isDirectory(dir.resolve("deps"))) {
            copyTree(dir.resolve("deps"), witDir.resolve("deps"));
        }
        WitLoader.Result wit = WitLoader.withAllFeatures().load(witDir);
        CoreModule embedded = embed(dir.resolve("module.wat"), wit, adapters.isEmpty() ? Optional.empty()
                : Optional.of("module"));
        Map<String, CoreModule> adapted = new LinkedHashMap<>();
        for (Path adapter : adapters) {
            String stem = adapter.getFileName().toString().replaceFirst("\\.wat$", "");
            String source = Files.readString(adapter);
            String name = source.lines().findFirst().filter(l -> l.startsWith(MODULE_NAME))
                    .map(l -> l.substring(MODULE_NAME.length())).orElse(stem.substring("adapt-".length()));
            adapted.put(name, embed(adapter, wit, Optional.of(stem)));
        }
        return ComponentNew.createBytes(embedded, adapted);
    }

    private static final String MODULE_NAME = ";; module name: ";

    private static CoreModule embed(Path wat, WitLoader.Result wit, Optional<String> worldName) throws IOException {
        WorldId world = WorldSelection.select(wit.resolve(), wit.main(), worldName);
        CoreModule core = Wat.parseCoreModule(Files.readString(wat));
        return Embed.embed(core, wit.resolve(), world, WitEncoding.StringEncoding.UTF8);
    }

    private static List<Path> adapters(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("adapt-")
                    && p.getFileName().toString().endsWith(".wat")).sorted().toList();
        }
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private Resolve expectedModel(Path dir, WitDecoding.Decoded decoded) throws IOException {
        Path expectedDir = Files.createDirectories(work.resolve(dir.getFileName() + "-expected"));
        Path deps = Files.createDirectories(expectedDir.resolve("deps"));
        Files.copy(dir.resolve("component.wit.print"), expectedDir.resolve("component.wit"));
        for (PackageId pkg : decoded.resolve().packageIds()) {
            if (!pkg.equals(decoded.main())) {
                Files.writeString(deps.resolve("pkg" + pkg.index() + ".wit"), WitPrinter.print(decoded.resolve(), pkg));
            }
        }
        return WitLoader.withAllFeatures().load(expectedDir).resolve();
    }

    private static Json main(Resolve resolve) {
        return ((Json.Obj) CanonicalModel.of(resolve)).get(WitDecoding.COMPONENT_PACKAGE.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
