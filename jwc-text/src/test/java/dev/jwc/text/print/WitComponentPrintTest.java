package dev.jwc.text.print;

import dev.jwc.testkit.KnownFailures;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import dev.jwc.text.component.ComponentTextParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * wit-component's expected outputs ({@code crates/wit-component/tests/components/<case>/component.wat})
 * are wasmprinter's printing of real-world-shaped components (adapters, shims, producers, synthetic
 * names). Each is parsed with our component text parser, encoded and printed again: the text must come
 * back unchanged.
 */
class WitComponentPrintTest {
    private static final String CASES = "wasm-tools/crates/wit-component/tests/components";

    @Test
    void wasmprinterOutputsPrintBackUnchanged() throws IOException {
        Path cases = SharedSuite.require("conformance").resolve(CASES);
        KnownFailures result = KnownFailures.load("print-wit-component-known-failures.txt");
        for (Path expected : Conformance.files(cases, "component.wat")) {
            String caseName = cases.relativize(expected.getParent()).toString();
            String text = Files.readString(expected);
            try {
                String ours = WatPrinter.print(ComponentWriter.write(ComponentTextParser.parse(text)));
                if (ours.equals(text)) {
                    result.pass();
                } else {
                    result.fail(caseName, PrintConformanceTest.firstDifference(ours, text));
                }
            } catch (TextException e) {
                result.fail(caseName, "our text parser rejects it: " + e.getMessage());
            }
        }
        result.verify("print wit-component outputs");
    }
}
