package dev.jwc.binary.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.testkit.SharedSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Corrupted binaries must be rejected with a {@link DecodeException} or {@link ValidationException}:
 * never another exception, a hang or a stack overflow; those that still decode must round-trip. Mutates the small conformance modules with a
 * fixed seed, so failures reproduce.
 */
class CoreFuzzTest {
    private static final int MUTANTS_PER_MODULE = 40;

    @Test
    void corruptedModulesFailWithTypedErrors() throws Exception {
        Path conformance = SharedSuite.require("conformance");
        Random random = new Random(20261122);
        List<String> crashes = new ArrayList<>();
        int mutants = 0;
        for (CoreCorpus.Case c : CoreCorpus.load(conformance)) {
            if (c.length() > 4096) {
                continue;
            }
            byte[] original = c.bytes();
            for (int i = 0; i < MUTANTS_PER_MODULE; i++) {
                byte[] mutant = mutate(original, random);
                mutants++;
                try {
                    CoreModule module = CoreReader.read(mutant);
                    if (!CoreReader.read(CoreWriter.write(module)).equals(module)) {
                        crashes.add(c.name() + " mutant " + i + ": decodes but does not round-trip");
                    }
                    CoreValidator.validate(module, Features.all());
                } catch (DecodeException | ValidationException expected) {
                    // The typed rejection this test wants.
                } catch (RuntimeException | StackOverflowError e) {
                    crashes.add(c.name() + " mutant " + i + ": " + e);
                }
            }
        }
        System.out.println("core fuzz: " + mutants + " mutants, " + crashes.size() + " crashes");
        crashes.stream().limit(20).forEach(System.out::println);
        assertThat(crashes).isEmpty();
    }

    /** Replaces one byte by the LEB128 encoding of 2^32-1, where an index or count may sit. */
    private static byte[] withHugeIndex(byte[] bytes, int at) {
        byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        byte[] out = new byte[bytes.length + huge.length - 1];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(huge, 0, out, at, huge.length);
        System.arraycopy(bytes, at + 1, out, at + huge.length, bytes.length - at - 1);
        return out;
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = 8 + random.nextInt(Math.max(1, bytes.length - 8));
            if (at >= bytes.length) {
                continue;
            }
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> bytes = withHugeIndex(bytes, at);
                default -> bytes = Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }
}
