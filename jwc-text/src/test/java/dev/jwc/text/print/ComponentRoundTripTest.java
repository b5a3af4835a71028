package dev.jwc.text.print;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.component.WasmBinary;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.json.Json;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import dev.jwc.text.component.ComponentTextParser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * parse(print(x)) == x for components: every valid component of the suites (the {@code module}
 * commands) that our reader decodes is printed, parsed back with the component text parser and encoded;
 * the encoding must equal that of the model read from the binary.
 */
class ComponentRoundTripTest {
    @Test
    void printedComponentsParseBackToTheSameBinary() throws IOException {
        KnownFailures result = KnownFailures.load("print-component-roundtrip-known-failures.txt");
        for (Conformance.Script script : Conformance.scripts()) {
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
                WasmBinary binary;
                try {
                    binary = ComponentReader.read(Files.readAllBytes(script.derived().resolve(file.value())));
                } catch (DecodeException e) {
                    continue; // not a binary we can read: the reader's own conformance run covers it
                }
                if (binary instanceof Component component) {
                    roundTrip(result, script.name() + ":" + file.value(), component);
                }
            }
        }
        result.verify("print component round trip");
    }

    private static void roundTrip(KnownFailures result, String caseName, Component component) {
        String text;
        try {
            text = WatPrinter.print(component);
        } catch (PrintException e) {
            result.fail(caseName, "no text form: " + e.getMessage());
            return;
        }
        try {
            byte[] parsed = ComponentWriter.write(ComponentTextParser.parse(text));
            if (Arrays.equals(parsed, ComponentWriter.write(component))) {
                result.pass();
            } else {
                result.fail(caseName, "parsed component encodes differently from the binary's");
            }
        } catch (TextException e) {
            result.fail(caseName, "our text does not parse: " + e.getMessage());
        }
    }
}
