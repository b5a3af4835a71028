package dev.jwc.runtime.core;

import dev.jwc.binary.Features;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which component binaries passed validation, remembered beside the compile cache so that a component validated once
 * loads without validating again (Wasmtime's cache skips validation the same way). A mark is an empty file named by
 * the SHA-256 of the jwc version, the enabled features and the binary, so it cannot vouch for other bytes, features
 * or validator versions. Failing to read or write marks only costs a validation; it is logged at DEBUG.
 */
public final class ValidationMarks {
    private final Path directory;

    public ValidationMarks(Path cacheRoot) {
        this.directory = cacheRoot.resolve("validated");
    }

    public boolean contains(byte[] binary, Features features) {
        return Files.exists(mark(binary, features));
    }

    public void add(byte[] binary, Features features) {
        try {
            Files.createDirectories(directory);
            Path mark = mark(binary, features);
            if (!Files.exists(mark)) {
                Files.createFile(mark);
            }
        } catch (IOException e) {
            System.getLogger(ValidationMarks.class.getName()).log(Level.DEBUG, "cannot write a validation mark", e);
        }
    }

    private Path mark(byte[] binary, Features features) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("jwc " + DiskCompileCache.Versions.JWC + "; " + features.enabled().stream()
                    .map(Enum::name).sorted().toList() + "; ").getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(sha.digest(binary)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
