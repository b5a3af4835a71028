package dev.jwc.binary.component;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.binary.io.DecodeException;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the reader and writer over every binary of the component conformance suites. Binaries that
 * should decode (valid ones, and invalid ones whose fault is semantic) must read, write back byte for
 * byte and read again to an equal model. Malformed ones must be rejected with the expected message,
 * unless rejecting them needs the validator: those are counted, not failed.
 */
class ComponentConformanceTest {
    private static final String KNOWN_FAILURES = "component-conformance-known-failures.txt";

    private sealed interface Outcome {
        record Pass() implements Outcome {
        }

        record Fail(String reason) implements Outcome {
        }

        /** A malformed binary this reader accepts: the core reader (for embedded modules) or the validator must reject it. */
        record LeftToValidator() implements Outcome {
        }

        /** A top-level core module: the core reader's job. */
        record CoreModule() implements Outcome {
        }
    }

    @Test
    void decodesRoundTripsAndRejectsAsTheSuitesExpect() {
        assumeTrue(ConformanceCase.available(), SharedSuite.SKIPPED);
        KnownFailures known = KnownFailures.load(KNOWN_FAILURES);
        int malformed = 0;
        int malformedRejected = 0;
        List<String> leftToValidator = new ArrayList<>();
        for (ConformanceCase c : ConformanceCase.all()) {
            Outcome outcome = c.role().equals("assert_malformed") ? malformed(c) : decodable(c);
            if (c.role().equals("assert_malformed")) {
                malformed++;
                if (outcome instanceof Outcome.Pass) {
                    malformedRejected++;
                }
            }
            switch (outcome) {
                case Outcome.Pass p -> known.pass();
                case Outcome.Fail f -> known.fail(c.id(), "(" + c.role() + ") " + f.reason());
                case Outcome.LeftToValidator l -> {
                    known.skip();
                    leftToValidator.add(c.id() + " \"" + c.text() + "\"");
                }
                case Outcome.CoreModule m -> known.skip();
            }
        }
        System.out.printf("  assert_malformed: %d rejected by the reader of %d; %d left to the core reader or validator%n",
                malformedRejected, malformed, leftToValidator.size());
        leftToValidator.forEach(id -> System.out.println("  left to the core reader or validator: " + id));
        known.verify("component binary conformance");
    }

    private static Outcome decodable(ConformanceCase c) {
        byte[] input = c.bytes();
        WasmBinary first;
        try {
            first = ComponentReader.read(input, c.features());
        } catch (DecodeException e) {
            // wasmparser rejects some semantically invalid binaries while decoding; so may we, with its words.
            boolean sameVerdict = c.role().equals("assert_invalid") && !c.text().isEmpty()
                    && e.reason().contains(c.text());
            return sameVerdict ? new Outcome.Pass() : new Outcome.Fail("reader rejected: " + e.getMessage());
        }
        if (first instanceof CoreModuleBinary) {
            return new Outcome.CoreModule();
        }
        byte[] written = ComponentWriter.write(first);
        WasmBinary second;
        try {
            second = ComponentReader.read(written, c.features());
        } catch (DecodeException e) {
            return new Outcome.Fail("re-reading the written binary failed: " + e.getMessage());
        }
        if (!first.equals(second)) {
            return new Outcome.Fail("the model changed across write and read");
        }
        if (!Arrays.equals(input, written)) {
            return new Outcome.Fail("written bytes differ from the input (" + input.length + " vs "
                    + written.length + " bytes, first difference at 0x"
                    + Integer.toHexString(Arrays.mismatch(input, written)) + ")");
        }
        return new Outcome.Pass();
    }

    private static Outcome malformed(ConformanceCase c) {
        try {
            ComponentReader.read(c.bytes(), c.features());
            return new Outcome.LeftToValidator();
        } catch (DecodeException e) {
            return e.reason().contains(c.text()) ? new Outcome.Pass()
                    : new Outcome.Fail("rejected with \"" + e.getMessage() + "\", expected \"" + c.text() + "\"");
        }
    }
}
