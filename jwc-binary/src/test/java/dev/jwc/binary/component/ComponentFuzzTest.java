package dev.jwc.binary.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.io.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid binaries must only ever fail with a {@link DecodeException}; whatever still
 * decodes must survive a write and a read unchanged.
 */
class ComponentFuzzTest {
    private static final long SEED = 0x6a77632d66757aL;
    private static final int ITERATIONS = 5000;

    @Test
    void mutatedBinariesFailOnlyWithDecodeExceptions() {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        int rejected = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            WasmBinary read;
            try {
                read = ComponentReader.read(input);
            } catch (DecodeException expected) {
                rejected++;
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("iteration " + i + ", input " + HexFormat.of().formatHex(input), e);
            }
            assertThat(ComponentReader.read(ComponentWriter.write(read)))
                    .as("iteration %d: write then read", i).isEqualTo(read);
        }
        System.out.printf("component fuzz: %d mutations, %d rejected, %d still decodable%n",
                ITERATIONS, rejected, ITERATIONS - rejected);
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(ComponentWriter.write(SampleComponents.everything()));
        if (ConformanceCase.available()) {
            List<ConformanceCase> valid = ConformanceCase.all().stream()
                    .filter(c -> c.role().equals("module"))
                    .toList();
            for (int i = 0; i < valid.size(); i += 10) {
                seeds.add(valid.get(i).bytes());
            }
        }
        return seeds;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                default -> b[at] = (byte) 0xff;
            }
        }
        return b;
    }
}
