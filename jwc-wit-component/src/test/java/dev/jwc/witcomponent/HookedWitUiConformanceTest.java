package dev.jwc.witcomponent;

import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.wit.conformance.WitUiSuite;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * All positive cases of wit-parser's UI suite through a loader that reads binary WIT packages
 * ({@link BinaryWitPackages}), among them the {@code .wasm}/{@code .wat} ones jwc-wit alone cannot load.
 */
class HookedWitUiConformanceTest {

    @Test
    void positiveCasesMatchExpectedJson() throws IOException {
        SharedSuite.assumePresent(WitUiSuite.UI);
        WitUiSuite.Outcome outcome = WitUiSuite.runPositive(BinaryWitPackages.loader(Set.of("active")));
        KnownFailures.check("wit-ui-hooked-known-failures.txt", "wit-parser ui positive (binary packages hooked)",
                outcome.cases(), outcome.failures(), 0);
    }
}
