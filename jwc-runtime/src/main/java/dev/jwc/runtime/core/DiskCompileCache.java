package dev.jwc.runtime.core;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Chicory's compiled classes kept on disk, one file per core module, so a module compiled once loads
 * without the compiler in later processes. Chicory asks with the module's digest (SHA-256 of its bytes);
 * the file is named by a hash of that digest together with the Chicory version, the jwc version and the
 * compiler settings, so an upgrade never reads an old entry. Each file carries its full key and a
 * SHA-256 of its payload: a truncated, corrupt or foreign file is a miss (and is then rewritten), never
 * an error. Failures to read or write the directory only cost the compilation; they are logged at DEBUG.
 */
final class DiskCompileCache implements Cache {
    private static final byte[] MAGIC = "jwc-compile-cache 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;

    private final Path directory;
    private final String salt;

    private DiskCompileCache(Path directory, String salt) {
        this.directory = directory;
        this.salt = salt;
    }

    /**
     * A cache under {@code root}; empty when Chicory's version cannot be determined, because entries
     * could then outlive an upgrade of the compiler that wrote them.
     */
    static Optional<DiskCompileCache> open(Path root, String compilerSettings) {
        return Versions.CHICORY.map(chicory -> new DiskCompileCache(root.resolve("chicory-" + chicory),
                "jwc " + Versions.JWC + "; chicory " + chicory + "; " + compilerSettings + "; "));
    }

    @Override
    public byte[] get(String digest) {
        String key = salt + digest;
        Path file = entry(digest);
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            debug("cannot read compile cache entry " + file, e);
            return null;
        }
        byte[] payload = unwrap(stored, key);
        if (payload == null) {
            debug("ignoring a corrupt or foreign compile cache entry " + file, null);
        }
        return payload;
    }

    @Override
    public void putIfAbsent(String digest, byte[] payload) {
        String key = salt + digest;
        Path file = entry(digest);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            // Written aside and moved in, so concurrent processes never see half an entry.
            temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            Files.write(temp, wrap(payload, key));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            debug("cannot write compile cache entry " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The file that holds the entry for a module digest. */
    Path entry(String digest) {
        byte[] key = (salt + digest).getBytes(StandardCharsets.UTF_8);
        return directory.resolve(HexFormat.of().formatHex(sha256(key)) + ".entry");
    }

    /** MAGIC, key length (4 bytes), key (UTF-8), SHA-256 of the payload, payload. */
    private static byte[] wrap(byte[] payload, String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MAGIC.length + 4 + keyBytes.length + HASH_BYTES + payload.length)
                .put(MAGIC).putInt(keyBytes.length).put(keyBytes).put(sha256(payload)).put(payload).array();
    }

    /** The payload of a well-formed entry for {@code key}, or null. */
    private static byte[] unwrap(byte[] stored, String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        int header = MAGIC.length + 4 + keyBytes.length + HASH_BYTES;
        if (stored.length < header
                || !Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || ByteBuffer.wrap(stored, MAGIC.length, 4).getInt() != keyBytes.length
                || !Arrays.equals(stored, MAGIC.length + 4, MAGIC.length + 4 + keyBytes.length,
                        keyBytes, 0, keyBytes.length)) {
            return null;
        }
        byte[] payload = Arrays.copyOfRange(stored, header, stored.length);
        byte[] expected = Arrays.copyOfRange(stored, header - HASH_BYTES, header);
        return MessageDigest.isEqual(expected, sha256(payload)) ? payload : null;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            debug("cannot delete " + temp, e);
        }
    }

    private static void debug(String message, Throwable cause) {
        System.getLogger(DiskCompileCache.class.getName()).log(Level.DEBUG, message, cause);
    }

    /** The versions that decide whether an entry is still valid. */
    private static final class Versions {
        static final Optional<String> CHICORY = property(MachineFactoryCompiler.class,
                "/META-INF/maven/com.dylibso.chicory/compiler/pom.properties");
        static final String JWC = property(DiskCompileCache.class, "jwc-version.properties")
                .orElseThrow(() -> new IllegalStateException("jwc-runtime is missing jwc-version.properties"));

        private static Optional<String> property(Class<?> anchor, String resource) {
            try (InputStream in = anchor.getResourceAsStream(resource)) {
                if (in == null) {
                    return Optional.empty();
                }
                Properties p = new Properties();
                p.load(in);
                return Optional.ofNullable(p.getProperty("version")).filter(v -> !v.isBlank());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
