package dev.jwc.wasi;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host object behind a {@code wasi:filesystem} descriptor: a host path below a preopen, an open
 * channel for files, and what the guest may do with it ({@code read}, {@code write}, {@code mutate}
 * for directories).
 */
record Descriptor(Path path, Optional<FileChannel> channel, boolean directory, boolean read, boolean write,
                  boolean mutate, boolean append) implements Closeable {

    static Descriptor directory(Path path, boolean mutate) {
        return new Descriptor(path, Optional.empty(), true, true, false, mutate, false);
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
