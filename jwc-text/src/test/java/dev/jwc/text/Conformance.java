package dev.jwc.text;

import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.WasmBinary;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.json.Json;
import dev.jwc.testkit.SharedSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scripts and files of the shared conformance suites that jwc-text's runners read. */
public final class Conformance {
    private Conformance() {
    }

    /**
     * A {@code .wast} script of a suite and the folder where json-from-wast wrote its command list
     * ({@code <name>.json}) and binaries; {@code name} identifies the case, e.g. {@code wasm-tools/tests/cli/x.wast}.
     */
    public record Script(Path wast, String name, Path derived) {
        public Path json() {
            return derived.resolve(derived.getFileName() + ".json");
        }
    }

    /** The scripts of the wasm-tools cli tests and of the component-model suite. */
    public static List<Script> scripts() {
        Path root = SharedSuite.require("conformance");
        List<Script> scripts = new ArrayList<>();
        for (String[] suite : new String[][] {{"wasm-tools", "tests/cli"}, {"component-model", "test"}}) {
            Path suiteRoot = root.resolve(suite[0]);
            Path tests = suiteRoot.resolve(suite[1]);
            if (!Files.isDirectory(tests)) {
                continue;
            }
            for (Path wast : files(tests, ".wast")) {
                Path rel = suiteRoot.relativize(wast);
                String base = wast.getFileName().toString().replaceFirst("\\.wast$", "");
                Path derived = suiteRoot.resolve("_derived/json-from-wast").resolve(rel).resolveSibling(base);
                scripts.add(new Script(wast, suite[0] + "/" + rel, derived));
            }
        }
        return scripts;
    }

    /** A binary the suites declare as a valid module or component, and its case name {@code script:file}. */
    public record Binary(String name, WasmBinary binary) {
    }

    /**
     * The binaries of every script's {@code module} and {@code module_definition} commands that our reader
     * decodes; the reader's own conformance run covers those it does not.
     */
    public static List<Binary> readableModules() throws IOException {
        List<Binary> out = new ArrayList<>();
        for (Script script : scripts()) {
            if (!Files.exists(script.json())) {
                continue;
            }
            Json.Arr commands = (Json.Arr) ((Json.Obj) Json.parse(Files.readString(script.json()))).get("commands");
            for (Json command : commands.elements()) {
                Json.Obj o = (Json.Obj) command;
                String type = ((Json.Str) o.get("type")).value();
                if (!(type.equals("module") || type.equals("module_definition"))
                        || !(o.get("filename") instanceof Json.Str file) || !file.value().endsWith(".wasm")) {
                    continue;
                }
                try {
                    out.add(new Binary(script.name() + ":" + file.value(),
                            ComponentReader.read(Files.readAllBytes(script.derived().resolve(file.value())))));
                } catch (DecodeException e) {
                    // not a binary we can read
                }
            }
        }
        return out;
    }

    /** Every file under {@code dir} whose name ends with {@code suffix}, sorted. */
    public static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
