package dev.jwc.witcomponent;

import dev.jwc.json.Json;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.roundtrip.CanonicalModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every WASI package of the shared specs (0.2.12 and 0.3.0, all features): encoded as a binary WIT package and
 * decoded, it is the same resolved model ({@code roundtrip/<release>/<pkg>}); loaded with its dependencies given
 * as binary packages in {@code deps/}, it resolves to the same model as from WIT text
 * ({@code binary-deps/<release>/<pkg>}).
 */
class WasiBinaryRoundTripTest {
    private static final Path WASI = SharedSuite.path("spec/wasi");

    @TempDir
    Path tmp;

    @Test
    void wasiPackagesRoundTripThroughBinary() throws IOException {
        SharedSuite.assumePresent(WASI);
        List<String> cases = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (String release : List.of("0.2.12", "0.3.0")) {
            List<Path> packages = list(WASI.resolve(release)).stream().filter(Files::isDirectory).toList();
            for (Path pkg : packages) {
                String name = release + "/" + pkg.getFileName();
                Path text = tmp.resolve("text-" + release + "-" + pkg.getFileName());
                Path binary = tmp.resolve("binary-" + release + "-" + pkg.getFileName());
                copyWit(pkg, text);
                copyWit(pkg, binary);
                for (Path other : packages) {
                    if (!other.equals(pkg)) {
                        copyWit(other, text.resolve("deps").resolve(other.getFileName().toString()));
                    }
                }
                cases.add("roundtrip/" + name);
                cases.add("binary-deps/" + name);
                WitLoader.Result loaded = WitLoader.withAllFeatures().load(text);
                String main = loaded.resolve().get(loaded.main()).name().toString();
                Json want = model(loaded.resolve(), main);
                try {
                    Resolve decoded = WitDecoding.decode(WitEncoding.encodePackageBytes(loaded.resolve(),
                            loaded.main())).resolve();
                    compare(failures, "roundtrip/" + name, want, model(decoded, main));
                } catch (WitComponentException e) {
                    failures.put("roundtrip/" + name, e.getMessage());
                }
                try {
                    writeBinaryDeps(loaded, binary.resolve("deps"));
                    Resolve viaBinary = WitLoader.withAllFeatures().withBinaryDecoder(BinaryWitPackages.INSTANCE)
                            .load(binary).resolve();
                    compare(failures, "binary-deps/" + name, want, model(viaBinary, main));
                } catch (WitException | WitComponentException e) {
                    failures.put("binary-deps/" + name, e.getMessage());
                }
            }
        }
        KnownFailures.check("wasi-binary-known-failures.txt", "WASI binary round trip", cases, failures, 0);
    }

    /** Every package but the main one, each as {@code deps/<n>.wasm}. */
    private static void writeBinaryDeps(WitLoader.Result loaded, Path deps) throws IOException {
        Files.createDirectories(deps);
        for (PackageId id : loaded.resolve().packageIds()) {
            if (!id.equals(loaded.main())) {
                Files.write(deps.resolve("pkg" + id.index() + ".wasm"),
                        WitEncoding.encodePackageBytes(loaded.resolve(), id));
            }
        }
    }

    private static void compare(Map<String, String> failures, String name, Json want, Json got) {
        if (!want.equals(got)) {
            failures.put(name, "model differs");
        }
    }

    private static Json model(Resolve resolve, String pkg) {
        return ((Json.Obj) CanonicalModel.of(resolve)).get(pkg);
    }

    private static void copyWit(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path file : list(from)) {
            if (file.getFileName().toString().endsWith(".wit")) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
