package dev.jwc.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves guest paths below a directory the guest holds, one component at a time, never trusting the
 * OS to confine: absolute paths, {@code ..} above the directory and symlinks whose target would leave it
 * (absolute or climbing out) are refused with {@code not-permitted}. Every symlink met on the way is
 * read and its target resolved by the same rules, so the host path returned contains no symlink except
 * possibly its last component (when {@code followLast} is false).
 */
final class Sandbox {
    private static final int MAX_SYMLINKS = 40;

    private Sandbox() {
    }

    /** A resolved host path and whether the guest path demanded a directory (trailing slash). */
    record Resolved(Path path, boolean mustBeDirectory) {
    }

    static Resolved resolve(Path base, String guestPath, boolean followLast) throws FsException {
        if (guestPath.isEmpty()) {
            throw new FsException("no-entry", "empty path");
        }
        if (guestPath.startsWith("/")) {
            throw new FsException("not-permitted", "absolute path `" + guestPath + "` is outside the sandbox");
        }
        if (guestPath.indexOf('\0') >= 0) {
            throw new FsException("illegal-byte-sequence", "path contains NUL");
        }
        boolean trailingSlash = guestPath.endsWith("/");
        Deque<String> pending = new ArrayDeque<>(components(guestPath));
        List<String> done = new ArrayList<>();
        int symlinks = 0;
        while (!pending.isEmpty()) {
            String c = pending.pollFirst();
            boolean last = pending.isEmpty();
            if (c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (done.isEmpty()) {
                    throw new FsException("not-permitted", "path `" + guestPath + "` leaves its directory");
                }
                done.removeLast();
                continue;
            }
            Path candidate = join(base, done).resolve(c);
            if (Files.isSymbolicLink(candidate) && (!last || followLast || trailingSlash)) {
                if (++symlinks > MAX_SYMLINKS) {
                    throw new FsException("loop", "too many symbolic links in `" + guestPath + "`");
                }
                String target = readLink(candidate);
                if (target.startsWith("/")) {
                    throw new FsException("not-permitted", "symlink `" + c + "` points to an absolute path");
                }
                List<String> targetComponents = components(target);
                for (int i = targetComponents.size() - 1; i >= 0; i--) {
                    pending.addFirst(targetComponents.get(i));
                }
                continue;
            }
            if (!last && Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                throw new FsException("not-directory", "`" + c + "` in `" + guestPath + "` is not a directory");
            }
            done.add(c);
        }
        return new Resolved(join(base, done), trailingSlash);
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    private static Path join(Path base, List<String> components) {
        Path p = base;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    private static String readLink(Path link) throws FsException {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw FsErrors.of(e);
        }
    }
}
