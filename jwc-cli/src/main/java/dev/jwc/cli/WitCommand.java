package dev.jwc.cli;

import dev.jwc.text.TextException;
import dev.jwc.text.component.ComponentTextParser;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.json.ResolveJson;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.print.WitPrinter;
import dev.jwc.witcomponent.BinaryWitPackages;
import dev.jwc.witcomponent.WitComponentException;
import dev.jwc.witcomponent.WitDecoding;
import dev.jwc.witcomponent.WitEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jwc wit PATH}: resolves WIT and prints it back as canonical WIT, or as wit-parser's JSON, or encodes it
 * as a binary WIT package ({@code --wasm}). A component ({@code .wasm} or {@code .wat}) prints the WIT package it
 * encodes, or its world, as {@code wasm-tools component wit} does.
 */
@Command(name = "wit", mixinStandardHelpOptions = true,
        description = "Print the WIT of a WIT file or directory (with its deps/), of a binary WIT package or of "
                + "a component; or encode WIT as a binary package (--wasm).")
final class WitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A .wit file, a directory of .wit files with an optional deps/, "
            + "or a component (.wasm, .wat).")
    Path path;

    @Option(names = "--json", description = "Print the whole resolved model as JSON (wit-parser's schema).")
    boolean json;

    @Option(names = "--wasm", description = "Encode the main package as a binary WIT package.")
    boolean wasm;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the output (default: standard output).")
    Path output;

    @Option(names = "--features", split = ",", paramLabel = "FEATURE",
            description = "Enable these @unstable features (comma-separated).")
    List<String> features = List.of();

    @Option(names = "--all-features", description = "Enable every @unstable feature.")
    boolean allFeatures;

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            throw new UserError(path + ": no such file or directory");
        }
        if (json && wasm) {
            throw new UserError("--json and --wasm cannot be combined");
        }
        Loaded loaded = isComponent(path) ? decode(path) : load(path);
        if (wasm) {
            byte[] bytes;
            try {
                bytes = WitEncoding.encodePackageBytes(loaded.resolve(), loaded.main());
            } catch (WitComponentException e) {
                throw new UserError(path + ": " + e.getMessage());
            }
            writeBytes(bytes);
        } else if (json) {
            writeText(ResolveJson.toJson(loaded.resolve()).toPrettyString() + "\n");
        } else {
            writeText(WitPrinter.print(loaded.resolve(), loaded.main(), loaded.nested()));
        }
        return 0;
    }

    private record Loaded(Resolve resolve, PackageId main, List<PackageId> nested) {}

    private static boolean isComponent(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".wasm") || name.endsWith(".wat"));
    }

    private Loaded load(Path input) {
        WitLoader loader = (allFeatures ? WitLoader.withAllFeatures()
                : WitLoader.withFeatures(new LinkedHashSet<>(features))).withBinaryDecoder(BinaryWitPackages.INSTANCE);
        try {
            WitLoader.Result result = loader.load(input);
            return new Loaded(result.resolve(), result.main(), result.nested());
        } catch (WitException e) {
            throw new UserError(e.render());
        }
    }

    private Loaded decode(Path file) {
        try {
            WitDecoding.Decoded decoded = file.getFileName().toString().endsWith(".wat")
                    ? WitDecoding.decode(ComponentTextParser.parse(Files.readString(file)))
                    : WitDecoding.decode(Files.readAllBytes(file));
            return new Loaded(decoded.resolve(), decoded.main(), List.of());
        } catch (TextException e) {
            throw new UserError(e.withFile(file.toString()));
        } catch (WitComponentException e) {
            throw new UserError(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private void writeText(String text) {
        if (output == null) {
            var out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            writeBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void writeBytes(byte[] bytes) {
        try {
            if (output != null) {
                Files.write(output, bytes);
            } else {
                System.out.write(bytes);
                System.out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
