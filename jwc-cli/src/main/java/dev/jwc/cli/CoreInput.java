package dev.jwc.cli;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CoreReader;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a core module given as {@code .wasm} or {@code .wat}, turning bad input into a {@link UserError}. */
final class CoreInput {
    private CoreInput() {}

    static CoreModule read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        try {
            if (file.getFileName().toString().endsWith(".wat")) {
                return Wat.parseCoreModule(Files.readString(file));
            }
            return CoreReader.read(Files.readAllBytes(file));
        } catch (TextException e) {
            throw new UserError(e.withFile(file.toString()));
        } catch (DecodeException e) {
            throw new UserError(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path output, byte[] bytes) {
        try {
            Files.write(output, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
