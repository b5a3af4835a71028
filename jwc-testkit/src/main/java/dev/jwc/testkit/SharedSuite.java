package dev.jwc.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared specs and conformance suites beside the repository: Maven sets {@code jwc.shared} to
 * {@code <repo>/../shared}; tests read them in place and skip with one line when they are absent.
 */
public final class SharedSuite {
    /** The one line a conformance test skips with when the suites are absent. */
    public static final String SKIPPED = "../shared not found: conformance skipped";

    private SharedSuite() {
    }

    /** The shared folder ({@code jwc.shared}, else {@code ../shared}); it may not exist. */
    public static Path root() {
        return Path.of(System.getProperty("jwc.shared", "../shared"));
    }

    /** {@code relative} under the shared folder; it may not exist. */
    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /** Skips the calling test, with {@link #SKIPPED}, unless every one of {@code dirs} is a folder. */
    public static void assumePresent(Path... dirs) {
        Assumptions.assumeTrue(Arrays.stream(dirs).allMatch(Files::isDirectory), SKIPPED);
    }

    /** The folder {@code relative} under the shared folder; skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path dir = path(relative);
        assumePresent(dir);
        return dir;
    }
}
