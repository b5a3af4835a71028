package dev.jwc.text.core;

import dev.jwc.binary.core.CoreReader;
import dev.jwc.binary.core.CoreWriter;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every core module {@code .wat} of wasm-tools' crate tests (wit-component, wasm-compose, ...): real-world
 * text as wasm-tools prints it, with quoted ids, {@code (@name)}, {@code (@producers)} and
 * {@code (@dylink.0)}. Each must parse, and its binary must decode and re-encode to the same bytes.
 * There is no reference binary for these; the byte-exact check is {@link CoreTextConformanceTest}.
 */
class WatCorpusTest {
    @Test
    void coreModulesOfTheCrateTestsParseAndDecode() throws IOException {
        Path crates = Conformance.root().resolve("wasm-tools/crates");
        Conformance result = new Conformance("/wat-corpus-known-failures.txt");
        for (Path wat : Conformance.files(crates, ".wat")) {
            String name = Conformance.root().relativize(wat).toString();
            String source = Files.readString(wat);
            if (source.stripLeading().startsWith("(component")) {
                continue; // components are the component text parser's
            }
            try {
                byte[] binary = Wat.toBinary(source);
                byte[] again = CoreWriter.write(CoreReader.read(binary));
                if (Arrays.equals(binary, again)) {
                    result.pass();
                } else {
                    result.fail(name, "the binary does not re-encode to itself");
                }
            } catch (TextException e) {
                result.fail(name, e.getMessage());
            } catch (DecodeException e) {
                result.fail(name, "our binary does not decode: " + e.getMessage());
            }
        }
        result.report("wat corpus");
    }
}
