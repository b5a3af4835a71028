package dev.jwc.binary.core;

import dev.jwc.binary.Feature;
import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Core modules of the shared conformance data: valid ones (and those nested in valid components) must
 * validate; top-level {@code assert_invalid} modules must be rejected by the validator and
 * {@code assert_malformed} ones by the reader.
 */
class CoreValidationConformanceTest {

    /**
     * The default features plus those a test directory is named after (as {@code custom-page-sizes/}),
     * the way wasm-tools' own test runner enables proposals for their tests.
     */
    static Features featuresFor(String name) {
        Features features = Features.defaults();
        for (String segment : name.split("[/#]")) {
            Feature feature = Feature.byFlagName(segment);
            if (feature != null) {
                features = features.with(feature);
            }
        }
        return features;
    }

    @Test
    void coreModulesValidateAsTheTestsExpect() throws Exception {
        Path conformance = SharedSuite.require("conformance");
        List<CoreCorpus.Case> cases = CoreCorpus.load(conformance);
        KnownFailures known = KnownFailures.load("core-validation-known-failures.txt");
        int messagesMatched = 0;
        int rejected = 0;
        for (CoreCorpus.Case c : cases) {
            switch (c.expectation()) {
                case VALID -> {
                    try {
                        CoreReader.Located read = CoreReader.readWithOffsets(c.reader());
                        CoreValidator.validate(read.module(), featuresFor(c.name()), read.offsets());
                        known.pass();
                    } catch (DecodeException | ValidationException e) {
                        known.fail(c.name(), e.getMessage());
                    }
                }
                case INVALID, MALFORMED -> {
                    try {
                        CoreReader.Located read = CoreReader.readWithOffsets(c.reader());
                        CoreValidator.validate(read.module(), featuresFor(c.name()), read.offsets());
                        known.fail(c.name(), "accepted, expected: " + c.text());
                    } catch (DecodeException | ValidationException e) {
                        rejected++;
                        if (e.getMessage().contains(c.text())) {
                            messagesMatched++;
                        }
                        known.pass();
                    }
                }
                case UNKNOWN -> known.skip();
            }
        }
        System.out.println("core validation: " + messagesMatched + " of " + rejected
                + " rejections carry the expected message text");
        known.verify("core validation");
    }
}
