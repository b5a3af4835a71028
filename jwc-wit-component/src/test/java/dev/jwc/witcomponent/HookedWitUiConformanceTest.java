package dev.jwc.witcomponent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.wit.conformance.KnownFailures;
import dev.jwc.wit.conformance.WitUiSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * All positive cases of wit-parser's UI suite through a loader that reads binary WIT packages
 * ({@link BinaryWitPackages}), among them the {@code .wasm}/{@code .wat} ones jwc-wit alone cannot load.
 */
class HookedWitUiConformanceTest {

    @Test
    void positiveCasesMatchExpectedJson() throws IOException {
        assumeTrue(Files.isDirectory(WitUiSuite.UI), "../shared not found: conformance skipped");
        WitUiSuite.Outcome outcome = WitUiSuite.runPositive(BinaryWitPackages.loader(Set.of("active")));
        KnownFailures.check("wit-ui-hooked-known-failures.txt", "wit-parser ui positive (binary packages hooked)",
                outcome.cases(), outcome.failures(), 0);
    }
}
