package dev.jwc.binary.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.binary.io.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        assumeTrue(ConformanceCase.available(), "../shared not found: conformance skipped");
        Map<String, String> known = KnownFailures.load(KNOWN_FAILURES);
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int malformed = 0;
        int malformedRejected = 0;
        List<String> regressions = new ArrayList<>();
        List<String> leftToValidator = new ArrayList<>();
        Set<String> stale = new TreeSet<>(known.keySet());
        for (ConformanceCase c : ConformanceCase.all()) {
            Outcome outcome = c.role().equals("assert_malformed") ? malformed(c) : decodable(c);
            if (c.role().equals("assert_malformed")) {
                malformed++;
                if (outcome instanceof Outcome.Pass) {
                    malformedRejected++;
                }
            }
            switch (outcome) {
                case Outcome.Pass p -> passed++;
                case Outcome.Fail f -> {
                    failed++;
                    stale.remove(c.id());
                    if (!known.containsKey(c.id())) {
                        regressions.add(c.id() + " (" + c.role() + "): " + f.reason());
                    }
                }
                case Outcome.LeftToValidator l -> {
                    skipped++;
                    leftToValidator.add(c.id() + " \"" + c.text() + "\"");
                }
                case Outcome.CoreModule m -> skipped++;
            }
        }
        System.out.printf("component binary conformance: %d passed, %d failed, %d skipped (%d known failures)%n",
                passed, failed, skipped, known.size());
        System.out.printf("  assert_malformed: %d rejected by the reader of %d; %d left to the core reader or validator%n",
                malformedRejected, malformed, leftToValidator.size());
        leftToValidator.forEach(id -> System.out.println("  left to the core reader or validator: " + id));
        regressions.forEach(r -> System.out.println("  REGRESSION " + r));
        stale.forEach(id -> System.out.println("  NOW PASSES, remove from " + KNOWN_FAILURES + ": " + id));
        assertThat(regressions).as("failures not on the known-failures list").isEmpty();
        assertThat(stale).as("known failures that now pass").isEmpty();
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
