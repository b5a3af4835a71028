package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.text.Wat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process {@code jwc} of the CLI tests: runs command lines through {@link Main#execute} and keeps what they
 * print, accumulated over the runs until cleared, so that a test can check the output of several commands.
 */
final class CliRun {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command line; the exit code is returned. */
    int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Standard output of the runs so far. */
    String out() {
        return out.toString();
    }

    /** Standard error of the runs so far. */
    String err() {
        return err.toString();
    }

    void clearOut() {
        out.getBuffer().setLength(0);
    }

    void clearErr() {
        err.getBuffer().setLength(0);
    }

    /**
     * Builds the component of an example the way its README does, {@code jwc embed} of its {@code wit/} folder and
     * {@code hello.wat} with world {@code command}, then {@code jwc new}: both must succeed.
     */
    Path embedThenNew(Path example, Path dir) {
        Path core = dir.resolve("hello.core.wasm");
        Path component = dir.resolve("hello.wasm");
        assertThat(run("embed", example.resolve("wit").toString(), example.resolve("hello.wat").toString(),
                "--world", "command", "-o", core.toString())).as(err()).isZero();
        assertThat(run("new", core.toString(), "-o", component.toString())).as(err()).isZero();
        return component;
    }

    /** Writes the binary of a core module or component given as text to {@code dir/name}. */
    static Path wasm(Path dir, String name, String wat) throws IOException {
        return Files.write(dir.resolve(name), Wat.toBinary(wat));
    }

    /** A file or folder under {@code examples/} of the project, found from the module's folder as well. */
    static Path example(String path) {
        Path example = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).resolve("examples")
                .resolve(path);
        return Files.exists(example) ? example : Path.of("..", "examples", path);
    }
}
