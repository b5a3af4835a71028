package dev.jwc.text.print;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import dev.jwc.text.component.ComponentTextParser;
import java.io.IOException;
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
        for (Conformance.Binary b : Conformance.readableModules()) {
            if (b.binary() instanceof Component component) {
                roundTrip(result, b.name(), component);
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
