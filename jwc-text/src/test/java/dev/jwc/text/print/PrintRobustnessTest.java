package dev.jwc.text.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.WasmBinary;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.text.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every binary of the suites (and the compiled wasi-testsuite programs) that our reader decodes, valid or not (the assert_invalid ones have
 * dangling indices, mismatched counts, unbalanced blocks...), prints without an exception other than
 * {@link PrintException}, as wasmprinter prints invalid modules too.
 */
class PrintRobustnessTest {
    @Test
    void everyDecodableBinaryPrints() throws IOException {
        Path root = SharedSuite.require("conformance");
        List<String> crashes = new ArrayList<>();
        int printed = 0;
        for (String suite : List.of("wasm-tools/_derived", "component-model/_derived", "wasi-testsuite")) {
            for (Path wasm : Conformance.files(root.resolve(suite), ".wasm")) {
                WasmBinary binary;
                try {
                    binary = ComponentReader.read(Files.readAllBytes(wasm));
                } catch (DecodeException malformed) {
                    continue;
                }
                try {
                    WatPrinter.print(binary);
                    printed++;
                } catch (PrintException inexpressible) {
                    printed++;
                } catch (RuntimeException e) {
                    crashes.add(root.relativize(wasm) + ": " + e);
                }
            }
        }
        System.out.println("print robustness: " + printed + " printed, " + crashes.size() + " crashed");
        assertThat(crashes).isEmpty();
    }
}
