package dev.jwc.text.component;

import dev.jwc.testkit.KnownFailures;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.json.Json;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import dev.jwc.text.wast.WastDirective;
import dev.jwc.text.wast.WastExecute;
import dev.jwc.text.wast.WastModule;
import dev.jwc.text.wast.WastScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For every component written as text in the component-model scripts (wasm-tools' cli tests and the
 * component-model suite), parses it and compares our encoding with the binary json-from-wast wrote for
 * it, byte for byte. Components that wasm-tools' text parser refused (no binary) are counted apart:
 * how many of them ours refuses too.
 */
class ComponentTextConformanceTest {
    @Test
    void componentsEncodeLikeWasmTools() throws IOException {
        KnownFailures result = KnownFailures.load("component-text-known-failures.txt");
        int rejected = 0;
        List<String> accepted = new java.util.ArrayList<>();
        for (Conformance.Script script : Conformance.scripts()) {
            String rel = script.name();
            if (!rel.startsWith("wasm-tools/tests/cli/component-model/") && !rel.startsWith("component-model/test/")) {
                continue;
            }
            if (!Files.exists(script.json())) {
                continue;
            }
            Map<Integer, WastModule> modules;
            String text = Files.readString(script.wast());
            try {
                modules = modulesByLine(WastScript.parse(text).directives());
            } catch (TextException e) {
                result.fail(rel, e.getMessage());
                continue;
            }
            Json.Arr commands = (Json.Arr) ((Json.Obj) Json.parse(Files.readString(script.json()))).get("commands");
            for (Json command : commands.elements()) {
                Json.Obj o = (Json.Obj) command;
                if (!(o.get("filename") instanceof Json.Str file)) {
                    continue;
                }
                int line = ((Json.Num) o.get("line")).value().intValueExact();
                WastModule module = modules.get(line);
                if (module == null || module.kind() != WastModule.Kind.COMPONENT) {
                    continue;
                }
                if (module instanceof WastModule.Binary) {
                    result.skip(); // not text: nothing of ours to encode
                    continue;
                }
                String caseName = rel + ":" + line;
                boolean hasBinary = file.value().endsWith(".wasm");
                String type = ((Json.Str) o.get("type")).value();
                byte[] ours;
                try {
                    ours = ComponentWriter.write(parse(module));
                } catch (TextException e) {
                    if (hasBinary) {
                        result.fail(caseName, e.getMessage());
                    } else {
                        rejected++;
                    }
                    continue;
                }
                if (!hasBinary) {
                    if (type.equals("assert_malformed")) {
                        result.fail(caseName, "malformed text accepted by our text parser");
                    } else {
                        accepted.add(caseName + " (" + type + ")");
                    }
                    continue;
                }
                byte[] theirs = Files.readAllBytes(script.derived().resolve(file.value()));
                if (Arrays.equals(ours, theirs)) {
                    result.pass();
                } else {
                    result.fail(caseName, "encoding differs:\n ours   " + HexFormat.of().formatHex(ours)
                            + "\n theirs " + HexFormat.of().formatHex(theirs));
                }
            }
        }
        System.out.println("component text: components wasm-tools could not encode (no binary): " + rejected
                + " rejected by our text parser too, " + accepted.size() + " accepted " + accepted);
        result.verify("component text");
    }

    /**
     * The {@code strict-legacy-*.wat} cases: the strict index syntax rejects each legacy form with
     * wasm-tools' message at the same place, and the legacy syntax accepts it.
     */
    @Test
    void legacyIndexFormsNeedTheLegacySyntax() throws IOException {
        Path dir = SharedSuite.require("conformance").resolve("wasm-tools/tests/cli/component-model");
        int checked = 0;
        for (Path wat : Conformance.files(dir, ".wat")) {
            if (!wat.getFileName().toString().startsWith("strict-legacy-")) {
                continue;
            }
            String source = Files.readString(wat);
            List<String> stderr = Files.readAllLines(Path.of(wat + ".stderr"));
            String expected = stderr.get(0).replaceFirst("^error: ", "").replaceFirst(" \\(or set .*\\)$", "");
            String where = stderr.get(1).replaceFirst(".*\\.wat:", "");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComponentTextParser.parse(source))
                    .as(wat.toString()).isInstanceOf(TextException.class).hasMessage(where + ": " + expected);
            org.assertj.core.api.Assertions.assertThat(ComponentTextParser.parse(source, IndexSyntax.LEGACY)).isNotNull();
            checked++;
        }
        System.out.println("component text: " + checked + " strict-legacy cases rejected strictly and accepted as legacy");
        org.assertj.core.api.Assertions.assertThat(checked).isEqualTo(7);
    }

    private static dev.jwc.binary.component.Component parse(WastModule module) {
        return switch (module) {
            case WastModule.Text t -> ComponentTextParser.parse(t.form());
            case WastModule.Quote q -> ComponentTextParser.parse(q.source());
            case WastModule.Binary b -> throw new IllegalArgumentException("binary");
        };
    }

    private static Map<Integer, WastModule> modulesByLine(List<WastDirective> directives) {
        Map<Integer, WastModule> byLine = new HashMap<>();
        for (WastDirective d : directives) {
            switch (d) {
                case WastDirective.Module m -> byLine.put(m.position().line(), m.module());
                case WastDirective.ModuleDefinition m -> byLine.put(m.position().line(), m.module());
                case WastDirective.AssertInvalid a -> byLine.put(a.module().position().line(), a.module());
                case WastDirective.AssertMalformed a -> byLine.put(a.module().position().line(), a.module());
                case WastDirective.AssertUnlinkable a -> byLine.put(a.module().position().line(), a.module());
                case WastDirective.AssertTrap a when a.execute() instanceof WastExecute.Instantiate i ->
                        byLine.put(i.module().position().line(), i.module());
                default -> { }
            }
        }
        return byLine;
    }
}
