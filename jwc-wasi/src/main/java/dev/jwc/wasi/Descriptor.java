package dev.jwc.wasi;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The host object behind a {@code wasi:filesystem} descriptor: a host path below a preopen, an open
 * channel for files, what the guest may do with it ({@code read}, {@code write}, {@code mutate} for
 * directories) and the synchronized-I/O descriptor-flags it was opened with, which {@code get-flags} reports.
 */
record Descriptor(Path path, Optional<FileChannel> channel, boolean directory, boolean read, boolean write,
                  boolean mutate, boolean append, Set<String> syncFlags) implements Closeable {
    /** The descriptor-flags that ask for synchronized I/O. */
    static final Set<String> SYNC_FLAGS = Set.of("file-integrity-sync", "data-integrity-sync", "requested-write-sync");

    Descriptor {
        syncFlags = Set.copyOf(syncFlags);
    }

    static Descriptor directory(Path path, boolean mutate) {
        return new Descriptor(path, Optional.empty(), true, true, false, mutate, false, Set.of());
    }

    @Override
    public void close() throws IOException {
        if (channel.isPresent()) {
            channel.get().close();
        }
    }

    FileChannel file() throws FsException {
        return channel.orElseThrow(() -> new FsException("is-directory", path + " is a directory"));
    }

    void requireDirectory() throws FsException {
        if (!directory) {
            throw new FsException("not-directory", path + " is not a directory");
        }
    }

    void requireMutate() throws FsException {
        requireDirectory();
        if (!mutate) {
            throw new FsException("read-only", path + " is read-only");
        }
    }
}
