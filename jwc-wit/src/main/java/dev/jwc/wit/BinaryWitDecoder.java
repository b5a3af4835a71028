package dev.jwc.wit;

import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import java.nio.file.Path;

/**
 * Reads a WIT package stored as a component ({@code .wasm}) or as component text ({@code .wat}), for
 * {@link WitLoader#withBinaryDecoder}. jwc-wit cannot read these itself; jwc-wit-component implements this.
 */
public interface BinaryWitDecoder {

    /** A decoded file: its package {@code main} and the (partial) foreign packages it refers to. */
    record Decoded(Resolve resolve, PackageId main) {}

    /**
     * Decodes {@code file}, a {@code .wasm} or {@code .wat} file.
     *
     * @throws WitException naming the file when it is not a binary WIT package
     */
    Decoded decode(Path file);
}
