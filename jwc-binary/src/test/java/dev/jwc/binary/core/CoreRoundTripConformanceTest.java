package dev.jwc.binary.core;

import dev.jwc.binary.io.DecodeException;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every core module of the shared conformance data must survive read → write → read unchanged. */
class CoreRoundTripConformanceTest {

    @Test
    void coreModulesRoundTrip() throws Exception {
        Path conformance = SharedSuite.require("conformance");
        List<CoreCorpus.Case> cases = CoreCorpus.load(conformance);
        KnownFailures known = KnownFailures.load("core-roundtrip-known-failures.txt");
        int identical = 0;
        for (CoreCorpus.Case c : cases) {
            CoreModule first;
            try {
                first = CoreReader.read(c.reader());
            } catch (DecodeException e) {
                if (c.expectation() == CoreCorpus.Expectation.VALID) {
                    known.fail(c.name(), "read failed: " + e.getMessage());
                } else {
                    known.skip();
                }
                continue;
            }
            byte[] written = CoreWriter.write(first);
            CoreModule second;
            try {
                second = CoreReader.read(written);
            } catch (DecodeException e) {
                known.fail(c.name(), "re-read failed: " + e.getMessage());
                continue;
            }
            if (!first.equals(second)) {
                known.fail(c.name(), "model changed by the round trip");
                continue;
            }
            if (Arrays.equals(written, c.bytes())) {
                identical++;
            }
            known.pass();
        }
        System.out.println("core round trip: " + identical + " of " + cases.size() + " byte-identical");
        known.verify("core round trip");
    }
}
