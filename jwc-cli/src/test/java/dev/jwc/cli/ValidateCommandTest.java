package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final byte[] EMPTY_COMPONENT = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};
    /** A type section defining {@code (record)}, which must have at least one field. */
    private static final byte[] EMPTY_RECORD = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00,
            0x07, 0x03, 0x01, 0x72, 0x00};

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        var cli = new CliRun();
        int exit = cli.run(args);
        return new Run(exit, cli.out(), cli.err());
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void reportsOkForAValidComponent() throws IOException {
        Path ok = file("ok.wasm", EMPTY_COMPONENT);
        Run r = run("validate", ok.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(ok + ": ok" + System.lineSeparator());
    }

    @Test
    void reportsEachFileAndFailsIfAnyIsInvalid() throws IOException {
        Path ok = file("ok.wasm", EMPTY_COMPONENT);
        Path bad = file("bad.wasm", EMPTY_RECORD);
        Run r = run("validate", ok.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactly(ok + ": ok",
                bad + ": error: record type must have at least one field (at byte 11)");
    }

    @Test
    void reportsMalformedBinariesWithTheirOffset() throws IOException {
        Path bad = file("truncated.wasm", new byte[] {0x00, 0x61, 0x73});
        Run r = run("validate", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith(bad + ": error: unexpected end-of-file").contains("(at byte ");
    }

    @Test
    void featuresGateProposals() throws IOException {
        // (type (future)) needs cm-async.
        Path future = file("future.wasm", new byte[] {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00,
                0x07, 0x03, 0x01, 0x65, 0x00});
        assertThat(run("validate", future.toString()).out()).contains("requires the component model async feature");
        assertThat(run("validate", "--features", "cm-async", future.toString()).exit()).isZero();
    }

    @Test
    void rejectsUnknownFeaturesAsAUsageError() throws IOException {
        Path ok = file("ok.wasm", EMPTY_COMPONENT);
        Run r = run("validate", "--features", "no-such-feature", ok.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown feature 'no-such-feature'");
    }
}
