package dev.jwc.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries round-trip, and anything not written for exactly this key reads as a miss. */
class DiskCompileCacheTest {
    private static final String DIGEST = "sha-256:AAAA";
    private static final byte[] PAYLOAD = "compiled classes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private DiskCompileCache cache(String settings) {
        return DiskCompileCache.open(root, settings).orElseThrow();
    }

    @Test
    void anEntryReadsBackAsWritten() {
        DiskCompileCache cache = cache("defaults");
        assertThat(cache.get(DIGEST)).isNull();
        cache.putIfAbsent(DIGEST, PAYLOAD);
        assertThat(cache.get(DIGEST)).isEqualTo(PAYLOAD);
        assertThat(cache("defaults").get(DIGEST)).isEqualTo(PAYLOAD);
    }

    @Test
    void otherCompilerSettingsDoNotSeeTheEntry() {
        cache("defaults").putIfAbsent(DIGEST, PAYLOAD);
        assertThat(cache("other").get(DIGEST)).isNull();
    }

    @Test
    void corruptOrTruncatedEntriesAreMissesAndGetRewritten() throws IOException {
        DiskCompileCache cache = cache("defaults");
        cache.putIfAbsent(DIGEST, PAYLOAD);
        Path file = cache.entry(DIGEST);
        byte[] stored = Files.readAllBytes(file);
        byte[] flipped = stored.clone();
        flipped[flipped.length - 1] ^= 1;
        Files.write(file, flipped);
        assertThat(cache.get(DIGEST)).isNull();
        for (int length : new int[] {0, 3, stored.length / 2, stored.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(stored, length));
            assertThat(cache.get(DIGEST)).isNull();
        }
        cache.putIfAbsent(DIGEST, PAYLOAD);
        assertThat(cache.get(DIGEST)).isEqualTo(PAYLOAD);
    }

    @Test
    void anEntryWrittenForAnotherKeyIsAMiss() throws IOException {
        DiskCompileCache cache = cache("defaults");
        cache.putIfAbsent("sha-256:BBBB", PAYLOAD);
        Files.createDirectories(cache.entry(DIGEST).getParent());
        Files.copy(cache.entry("sha-256:BBBB"), cache.entry(DIGEST));
        assertThat(cache.get(DIGEST)).isNull();
    }

    @Test
    void anUnusableDirectoryOnlyCostsTheCache() throws IOException {
        Path blocked = root.resolve("file");
        Files.writeString(blocked, "not a directory");
        DiskCompileCache cache = DiskCompileCache.open(blocked, "defaults").orElseThrow();
        cache.putIfAbsent(DIGEST, PAYLOAD);
        assertThat(cache.get(DIGEST)).isNull();
    }
}
