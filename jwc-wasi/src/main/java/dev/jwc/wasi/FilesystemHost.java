package dev.jwc.wasi;

import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code wasi:filesystem}: descriptors confined by {@link Sandbox}, directory streams, preopens. */
final class FilesystemHost {
    private static final String TYPES = "wasi:filesystem/types";

    /** A body that may fail with a filesystem error-code; it returns null for {@code result<_, error-code>}. */
    @FunctionalInterface
    private interface FsBody {
        Val run(List<Val> args) throws FsException, IOException;
    }

    private final HostRegistry r;
    private final WasiConfig config;
    private final ResourceType descriptor;
    private final ResourceType entryStream;
    private final ResourceType inputStream;
    private final ResourceType outputStream;

    FilesystemHost(HostRegistry r, WasiConfig config) {
        this.r = r;
        this.config = config;
        this.descriptor = r.resource(TYPES, "descriptor");
        this.entryStream = r.resource(TYPES, "directory-entry-stream");
        this.inputStream = r.resource("wasi:io/streams", "input-stream");
        this.outputStream = r.resource("wasi:io/streams", "output-stream");
    }

    private void def(String method, FsBody body) {
        r.define(TYPES, "[method]descriptor." + method, a -> {
            try {
                Val result = body.run(a);
                return result == null ? Vals.ok() : Vals.ok(result);
            } catch (FsException e) {
                return Vals.err(Val.enumCase(e.code()));
            } catch (IOException e) {
                return Vals.err(Val.enumCase(FsErrors.code(e)));
            }
        });
    }

    private Descriptor d(Val v) {
        return r.objects.get(v, Descriptor.class);
    }

    void register() {
        r.define("wasi:filesystem/preopens", "get-directories", a -> {
            List<Val> out = new ArrayList<>();
            for (Preopen p : config.preopens()) {
                Descriptor dir = Descriptor.directory(p.hostDir().toAbsolutePath().normalize(), !p.readOnly());
                out.add(Val.tuple(r.objects.own(descriptor, dir), Val.string(p.guestPath())));
            }
            return Optional.of(new Val.List(out));
        });
        r.define(TYPES, "filesystem-error-code", a -> Optional.of(
                r.objects.get(a.get(0), IoHost.IoError.class).code().map(c -> Val.some(Val.enumCase(c))).orElse(Val.none())));
        r.define(TYPES, "[method]directory-entry-stream.read-directory-entry", a -> {
            @SuppressWarnings("unchecked")
            Iterator<Val> it = r.objects.get(a.get(0), Iterator.class);
            return Vals.ok(it.hasNext() ? Val.some(it.next()) : Val.none());
        });
        def("read-via-stream", a -> {
            Descriptor f = readable(a.get(0));
            return r.objects.own(inputStream, FileStreams.input(f.file(), Vals.u64(a.get(1))));
        });
        def("write-via-stream", a -> {
            Descriptor f = writable(a.get(0));
            return r.objects.own(outputStream, FileStreams.output(f.file(), Vals.u64(a.get(1)), false));
        });
        def("append-via-stream", a -> {
            Descriptor f = writable(a.get(0));
            return r.objects.own(outputStream, FileStreams.output(f.file(), 0, true));
        });
        def("advise", a -> {
            d(a.get(0)).file();
            return null;
        });
        def("sync-data", a -> sync(d(a.get(0))));
        def("sync", a -> sync(d(a.get(0))));
        def("get-flags", a -> {
            Descriptor f = d(a.get(0));
            List<String> flags = new ArrayList<>();
            if (f.read()) {
                flags.add("read");
            }
            if (f.write()) {
                flags.add("write");
            }
            if (f.mutate()) {
                flags.add("mutate-directory");
            }
            flags.addAll(f.syncFlags());
            return Val.flags(flags.toArray(String[]::new));
        });
        def("get-type", a -> Val.enumCase(type(d(a.get(0)).path(), false)));
        def("set-size", a -> {
            FileChannel c = writable(a.get(0)).file();
            long size = Vals.u64(a.get(1));
            if (size < c.size()) {
                c.truncate(size);
            } else if (size > c.size()) {
                c.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
            return null;
        });
        def("set-times", a -> setTimes(timesSettable(a.get(0)).path(), a.get(1), a.get(2)));
        def("read", a -> {
            FileChannel c = readable(a.get(0)).file();
            ByteBuffer buf = ByteBuffer.allocate(Vals.length(Vals.u64(a.get(1))));
            int n = c.read(buf, Vals.u64(a.get(2)));
            byte[] got = n <= 0 ? new byte[0] : Arrays.copyOf(buf.array(), n);
            return Val.tuple(Vals.bytes(got), Val.bool(n < 0 || (n == 0 && buf.capacity() > 0)));
        });
        def("write", a -> {
            FileChannel c = writable(a.get(0)).file();
            ByteBuffer buf = ByteBuffer.wrap(Vals.bytes(a.get(1)));
            long offset = Vals.u64(a.get(2));
            long written = 0;
            while (buf.hasRemaining()) {
                written += c.write(buf, offset + written);
            }
            return Val.u64(written);
        });
        def("read-directory", a -> {
            Descriptor dir = d(a.get(0));
            dir.requireDirectory();
            List<Val> entries = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.path())) {
                for (Path p : ds) {
                    entries.add(Val.record(Val.field("type", Val.enumCase(type(p, false))),
                            Val.field("name", Val.string(p.getFileName().toString()))));
                }
            }
            return r.objects.own(entryStream, entries.iterator());
        });
        def("create-directory-at", a -> {
            Files.createDirectory(at(mutable(a.get(0)), a.get(1), false).path());
            return null;
        });
        def("stat", a -> stat(d(a.get(0)).path(), true));
        def("stat-at", a -> {
            Sandbox.Resolved p = at(d(a.get(0)), a.get(2), follow(a.get(1)));
            return stat(existing(p), follow(a.get(1)));
        });
        def("set-times-at", a -> setTimes(existing(at(mutable(a.get(0)), a.get(2), follow(a.get(1)))), a.get(3),
                a.get(4)));
        def("link-at", a -> {
            Path old = existing(at(d(a.get(0)), a.get(2), follow(a.get(1))));
            Path target = newEntry(at(mutable(a.get(3)), a.get(4), false));
            if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
                throw new FsException("not-permitted", "cannot hard-link a directory");
            }
            Files.createLink(target, old);
            return null;
        });
        def("open-at", this::openAt);
        def("readlink-at", a -> {
            Path p = existing(at(d(a.get(0)), a.get(1), false));
            if (!Files.isSymbolicLink(p)) {
                throw new FsException("invalid", p + " is not a symbolic link");
            }
            return Val.string(Files.readSymbolicLink(p).toString());
        });
        def("remove-directory-at", a -> {
            Path p = existing(at(mutable(a.get(0)), a.get(1), false));
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new FsException("not-directory", p + " is not a directory");
            }
            Files.delete(p);
            return null;
        });
        def("rename-at", a -> {
            Path from = existing(at(mutable(a.get(0)), a.get(1), false));
            Sandbox.Resolved to = at(mutable(a.get(2)), a.get(3), false);
            if (Files.isDirectory(to.path(), LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                throw new FsException("is-directory", to.path() + " is a directory");
            }
            Files.move(from, to.path(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return null;
        });
        def("symlink-at", a -> {
            String target = Vals.string(a.get(1));
            if (target.startsWith("/")) {
                throw new FsException("not-permitted", "absolute symlink targets are outside the sandbox");
            }
            Path link = newEntry(at(mutable(a.get(0)), a.get(2), false));
            Files.createSymbolicLink(link, Path.of(target));
            return null;
        });
        def("unlink-file-at", a -> {
            Sandbox.Resolved s = at(mutable(a.get(0)), a.get(1), false);
            Path p = existing(s);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new FsException("is-directory", p + " is a directory");
            }
            if (s.mustBeDirectory()) {
                throw new FsException("not-directory", p + " is not a directory");
            }
            Files.delete(p);
            return null;
        });
        r.define(TYPES, "[method]descriptor.is-same-object", a -> {
            try {
                return Optional.of(Val.bool(Files.isSameFile(d(a.get(0)).path(), d(a.get(1)).path())));
            } catch (IOException e) {
                return Optional.of(Val.bool(false));
            }
        });
        def("metadata-hash", a -> hash(d(a.get(0)).path(), true));
        def("metadata-hash-at", a -> hash(existing(at(d(a.get(0)), a.get(2), follow(a.get(1)))), follow(a.get(1))));
    }

    private Val openAt(List<Val> a) throws FsException, IOException {
        Descriptor dir = d(a.get(0));
        dir.requireDirectory();
        Set<String> open = Vals.flags(a.get(3));
        Set<String> flags = Vals.flags(a.get(4));
        boolean wantWrite = flags.contains("write") || open.contains("truncate") || open.contains("create");
        if ((wantWrite || flags.contains("mutate-directory")) && !dir.mutate()) {
            throw new FsException("read-only", "the directory is read-only");
        }
        Sandbox.Resolved s = at(dir, a.get(2), follow(a.get(1)) || open.contains("create") && !open.contains("exclusive"));
        Path p = s.path();
        boolean exists = Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        if (open.contains("create") && open.contains("exclusive") && exists) {
            throw new FsException("exist", p + " exists");
        }
        if (exists && Files.isSymbolicLink(p)) {
            throw new FsException("loop", p + " is a symbolic link and symlink-follow is off");
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            if (flags.contains("write") || open.contains("truncate")) {
                throw new FsException("is-directory", p + " is a directory");
            }
            return r.objects.own(descriptor, new Descriptor(p, Optional.empty(), true, flags.contains("read"),
                    false, dir.mutate(), false, syncFlags(flags)));
        }
        if (open.contains("directory") || s.mustBeDirectory()) {
            throw new FsException(exists ? "not-directory" : "no-entry", p + " is not a directory");
        }
        if (!exists && !open.contains("create")) {
            throw new FsException("no-entry", p + " does not exist");
        }
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        options.add(StandardOpenOption.READ);
        if (flags.contains("write")) {
            options.add(StandardOpenOption.WRITE);
        }
        if (open.contains("create")) {
            options.add(StandardOpenOption.CREATE);
            options.add(StandardOpenOption.WRITE);
        }
        if (open.contains("truncate")) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
            options.add(StandardOpenOption.WRITE);
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && exists) {
            options.remove(StandardOpenOption.READ);
        }
        if (flags.contains("file-integrity-sync") || flags.contains("requested-write-sync")) {
            options.add(StandardOpenOption.SYNC);
        } else if (flags.contains("data-integrity-sync")) {
            options.add(StandardOpenOption.DSYNC);
        }
        FileChannel channel = FileChannel.open(p, options);
        return r.objects.own(descriptor, new Descriptor(p, Optional.of(channel), false, flags.contains("read"),
                flags.contains("write"), false, false, syncFlags(flags)));
    }

    /** The synchronized-I/O flags among the descriptor-flags of an open-at. */
    private static Set<String> syncFlags(Set<String> flags) {
        Set<String> sync = new HashSet<>(flags);
        sync.retainAll(Descriptor.SYNC_FLAGS);
        return sync;
    }

    private Descriptor readable(Val v) throws FsException {
        Descriptor f = d(v);
        f.file();
        if (!f.read()) {
            throw new FsException("bad-descriptor", "not opened for reading");
        }
        return f;
    }

    private Descriptor writable(Val v) throws FsException {
        Descriptor f = d(v);
        f.file();
        if (!f.write()) {
            throw new FsException("bad-descriptor", "not opened for writing");
        }
        return f;
    }

    /** Changing times is a write: a file must be open for writing, a directory must allow mutation. */
    private Descriptor timesSettable(Val v) throws FsException {
        Descriptor f = d(v);
        if (f.directory()) {
            f.requireMutate();
        } else if (!f.write()) {
            throw new FsException("not-permitted", "not opened for writing");
        }
        return f;
    }

    private Descriptor mutable(Val v) throws FsException {
        Descriptor dir = d(v);
        dir.requireMutate();
        return dir;
    }

    private Sandbox.Resolved at(Descriptor dir, Val path, boolean followLast) throws FsException {
        dir.requireDirectory();
        return Sandbox.resolve(dir.path(), Vals.string(path), followLast);
    }

    private static Path existing(Sandbox.Resolved s) throws FsException {
        if (!Files.exists(s.path(), LinkOption.NOFOLLOW_LINKS)) {
            throw new FsException("no-entry", s.path() + " does not exist");
        }
        if (s.mustBeDirectory() && !Files.isDirectory(s.path(), LinkOption.NOFOLLOW_LINKS)) {
            throw new FsException("not-directory", s.path() + " is not a directory");
        }
        return s.path();
    }

    /** Where a new link goes: a trailing slash names a directory, which a link can never be. */
    private static Path newEntry(Sandbox.Resolved s) throws FsException {
        if (s.mustBeDirectory()) {
            boolean exists = Files.exists(s.path(), LinkOption.NOFOLLOW_LINKS);
            throw new FsException(exists ? "exist" : "no-entry", s.path() + ": a link cannot end with a slash");
        }
        return s.path();
    }

    private static boolean follow(Val pathFlags) {
        return Vals.flags(pathFlags).contains("symlink-follow");
    }

    private static Val sync(Descriptor f) throws IOException {
        if (f.channel().isPresent()) {
            f.channel().get().force(true);
        }
        return null;
    }

    private static String type(Path p, boolean follow) throws IOException {
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        var attrs = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, opts);
        if (attrs.isSymbolicLink()) {
            return "symbolic-link";
        }
        if (attrs.isDirectory()) {
            return "directory";
        }
        return attrs.isRegularFile() ? "regular-file" : "unknown";
    }

    private static Map<String, Object> unix(Path p, boolean follow) throws IOException {
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        return Files.readAttributes(p, "unix:*", opts);
    }

    private static Val stat(Path p, boolean follow) throws IOException {
        Map<String, Object> u = unix(p, follow);
        return Val.record(
                Val.field("type", Val.enumCase(type(p, follow))),
                Val.field("link-count", Val.u64(((Number) u.get("nlink")).longValue())),
                Val.field("size", Val.u64(((Number) u.get("size")).longValue())),
                Val.field("data-access-timestamp", Val.some(time((FileTime) u.get("lastAccessTime")))),
                Val.field("data-modification-timestamp", Val.some(time((FileTime) u.get("lastModifiedTime")))),
                Val.field("status-change-timestamp", Val.some(time((FileTime) u.get("ctime")))));
    }

    private static Val hash(Path p, boolean follow) throws IOException {
        Map<String, Object> u = unix(p, follow);
        long dev = ((Number) u.get("dev")).longValue();
        long ino = ((Number) u.get("ino")).longValue();
        return Val.record(Val.field("lower", Val.u64(ino)), Val.field("upper", Val.u64(dev)));
    }

    private static Val time(FileTime t) {
        Instant i = t.toInstant();
        return Vals.datetime(i.getEpochSecond(), i.getNano());
    }

    private static Val setTimes(Path p, Val access, Val modify) throws IOException {
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(newTime(modify), newTime(access), null);
        return null;
    }

    private static FileTime newTime(Val v) {
        Val.Variant t = (Val.Variant) v;
        return switch (t.name()) {
            case "no-change" -> null;
            case "now" -> FileTime.from(Instant.now());
            default -> {
                List<Val.Field> f = ((Val.Record) t.payload().orElseThrow()).fields();
                yield FileTime.from(Instant.ofEpochSecond(Vals.u64(f.get(0).value()), Vals.u32(f.get(1).value())));
            }
        };
    }
}
