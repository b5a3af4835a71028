package dev.jwc.text.print;

import dev.jwc.testkit.KnownFailures;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import dev.jwc.text.component.ComponentTextParser;
import dev.jwc.text.component.IndexSyntax;
import dev.jwc.text.wast.WastDirective;
import dev.jwc.text.wast.WastModule;
import dev.jwc.text.wast.WastScript;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Compares our printing of each component-model module wasm-tools printed in its CLI snapshots
 * ({@code tests/snapshots/cli/component-model/<path>.wast/<N>.print}, the N-th module of the script)
 * with the snapshot, text for text. The binary is the one json-from-wast wrote for command N
 * ({@code _derived/json-from-wast/tests/cli/component-model/<path>/<name>.<N>.wasm}), or, where
 * json-from-wast could not encode it and kept {@code <name>.<N>.wat}, our encoding of that text.
 */
class PrintConformanceTest {
    private static final String SUITE = "wasm-tools/tests/snapshots/cli/component-model";
    private static final String SCRIPTS = "wasm-tools/tests/cli/component-model";
    private static final String DERIVED = "wasm-tools/_derived/json-from-wast/tests/cli/component-model";

    @Test
    void printsLikeWasmTools() throws IOException {
        Path root = SharedSuite.require("conformance");
        Path snapshots = root.resolve(SUITE);
        KnownFailures result = KnownFailures.load("print-known-failures.txt");
        for (Path expected : Conformance.files(snapshots, ".print")) {
            String caseName = snapshots.relativize(expected).toString();
            Path wasm = binaryOf(root.resolve(DERIVED), snapshots.relativize(expected));
            Path wat = wasm.resolveSibling(wasm.getFileName().toString().replaceFirst("\\.wasm$", ".wat"));
            try {
                // json-from-wast keeps as text what it could not encode, and some scripts it did not
                // convert at all: our text parser encodes those modules, with the script's index syntax.
                Path script = root.resolve(SCRIPTS).resolve(snapshots.relativize(expected).getParent());
                IndexSyntax syntax = indexSyntax(script);
                byte[] binary = Files.exists(wasm) ? Files.readAllBytes(wasm)
                        : Files.exists(wat) ? encode(Files.readString(wat), syntax)
                        : encode(nthModule(script, expected), syntax);
                String ours = WatPrinter.print(binary);
                String theirs = Files.readString(expected);
                if (ours.equals(theirs)) {
                    result.pass();
                } else {
                    result.fail(caseName, firstDifference(ours, theirs));
                }
            } catch (DecodeException | PrintException e) {
                result.fail(caseName, e.getMessage());
            } catch (TextException e) {
                result.fail(caseName, "text only, and our parser rejects it: " + e.getMessage());
            }
        }
        result.verify("print");
    }

    /**
     * The component index syntax a script's {@code RUN} line asks for: wasm-tools accepts the legacy
     * forms under {@code WAST_STRICT_COMPONENT_INDICES=0}.
     */
    private static IndexSyntax indexSyntax(Path script) throws IOException {
        String run = Files.readString(script).lines().findFirst().orElse("");
        return run.contains("WAST_STRICT_COMPONENT_INDICES=0") ? IndexSyntax.LEGACY : IndexSyntax.STRICT;
    }

    private static byte[] encode(String source, IndexSyntax syntax) {
        return source.stripLeading().startsWith("(component")
                ? ComponentWriter.write(ComponentTextParser.parse(source, syntax))
                : Wat.toBinary(source);
    }

    private static byte[] encode(WastModule module, IndexSyntax syntax) {
        return switch (module) {
            case WastModule.Text t when t.kind() == WastModule.Kind.COMPONENT ->
                    ComponentWriter.write(ComponentTextParser.parse(t.form(), syntax));
            default -> Wat.encode(module);
        };
    }

    /** The N-th module of {@code script}, for snapshot {@code <N>.print}, counting every directive with one. */
    private static WastModule nthModule(Path script, Path snapshot) throws IOException {
        int n = Integer.parseInt(snapshot.getFileName().toString().replaceFirst("\\.print$", ""));
        String source = Files.readString(script);
        List<WastModule> modules = new ArrayList<>();
        for (WastDirective d : WastScript.parse(source).directives()) {
            switch (d) {
                case WastDirective.Module m -> modules.add(m.module());
                case WastDirective.ModuleDefinition m -> modules.add(m.module());
                case WastDirective.AssertInvalid a -> modules.add(a.module());
                case WastDirective.AssertMalformed a -> modules.add(a.module());
                case WastDirective.AssertUnlinkable a -> modules.add(a.module());
                default -> {
                }
            }
        }
        return modules.get(n);
    }

    /** {@code a/b.wast/3.print} → {@code <derived>/a/b/b.3.wasm}. */
    static Path binaryOf(Path derived, Path snapshot) {
        String script = snapshot.getParent().getFileName().toString();
        String stem = script.substring(0, script.lastIndexOf('.'));
        String n = snapshot.getFileName().toString().replaceFirst("\\.print$", "");
        Path folder = snapshot.getParent().resolveSibling(stem);
        return derived.resolve(folder).resolve(stem + "." + n + ".wasm");
    }

    static String firstDifference(String ours, String theirs) {
        String[] a = ours.split("\n", -1);
        String[] b = theirs.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": ours `" + x + "`, expected `" + y + "`";
            }
        }
        return "texts differ";
    }
}
