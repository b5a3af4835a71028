package dev.jwc.wasi;

import dev.jwc.runtime.CoreModuleInstance.HostImport;
import dev.jwc.runtime.CoreModuleInstance.Imports;
import dev.jwc.runtime.GuestMemory;
import dev.jwc.runtime.HostFunction;
import dev.jwc.types.Val;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code wasi_snapshot_preview1} for core modules, as a thin shim over the WASI 0.2 host functions of a
 * {@link HostRegistry}: the same streams, clocks, random, environment and exit. Pointers are guest
 * addresses in the module's exported memory; every function but {@code proc_exit} returns an errno.
 * Functions not implemented yet answer {@code ENOSYS}, which guests handle as "not supported". Preview1
 * rights, which 0.2 does not have, live here ({@link Preview1Rights}).
 */
final class Preview1Host {
    static final String MODULE = "wasi_snapshot_preview1";
    private static final long SUCCESS = 0;
    private static final long BADF = 8;
    private static final long INVAL = 28;
    private static final long IO = 29;
    private static final long NOSYS = 52;
    private static final long NAMETOOLONG = 37;
    private static final long SPIPE = 70;
    private static final long NOTSUP = 58;
    private static final long NOTSOCK = 57;
    private static final long PERM = 63;
    private static final long NOTCAPABLE = 76;
    private static final int SYNC_FLAGS = 2 | 8 | 16;
    private static final byte DIRECTORY = 3;
    private static final String TYPES = "wasi:filesystem/types";
    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    /** filetype character_device: stdio is reported as a terminal-like device, as wasmtime does. */
    private static final byte CHARACTER_DEVICE = 2;

    private final HostRegistry host;
    private final WasiConfig config;
    private final Map<String, HostImport> functions = new HashMap<>();
    private final Map<Integer, Val> streams = new HashMap<>();
    /** The open stdio fds; fd_renumber can move them. */
    private final Map<Integer, StdioFd> stdio = new HashMap<>(Map.of(STDIN, new StdioFd(STDIN), STDOUT,
            new StdioFd(STDOUT), STDERR, new StdioFd(STDERR)));
    /** Open 0.2 descriptors by preview1 fd (from 3, after stdio): preopens first, then path_open results. */
    private final Map<Integer, OpenFile> files = new HashMap<>();
    private int nextFd = 3;

    /** A 0.2 descriptor with the preview1 file position; {@code preopen} is the guest path of a preopen. */
    private static final class OpenFile {
        final Val descriptor;
        final Optional<String> preopen;
        long position;
        /** fdflags append: every fd_write goes to the end of the file. */
        boolean append;
        /** fdflags dsync (2), rsync (8) and sync (16): each fd_write is followed by a 0.2 sync. */
        int syncFlags;
        Preview1Rights rights;

        OpenFile(Val descriptor, Optional<String> preopen, Preview1Rights rights) {
            this.descriptor = descriptor;
            this.preopen = preopen;
            this.rights = rights;
        }
    }

    /** A stdio fd: which stream it is (STDIN, STDOUT or STDERR) and its rights. */
    private static final class StdioFd {
        final int stream;
        Preview1Rights rights = Preview1Rights.STDIO;

        StdioFd(int stream) {
            this.stream = stream;
        }
    }

    Preview1Host(HostRegistry host, WasiConfig config) {
        this.host = host;
        this.config = config;
        define();
        for (Val pair : Vals.list(call("wasi:filesystem/preopens", "get-directories").orElseThrow())) {
            List<Val> dirAndPath = ((Val.Tuple) pair).elements();
            files.put(nextFd++, new OpenFile(dirAndPath.get(0), Optional.of(Vals.string(dirAndPath.get(1))),
                    Preview1Rights.PREOPEN));
        }
    }

    /** Every preview1 import: the implemented ones, ENOSYS for the rest; nothing from other modules. */
    Imports imports() {
        return (module, name) -> module.equals(MODULE)
                ? Optional.of(functions.getOrDefault(name, (memory, args) -> new long[] {NOSYS}))
                : Optional.empty();
    }

    private void define() {
        functions.put("args_sizes_get", (m, a) -> sizes(m, a, config.args()));
        functions.put("args_get", (m, a) -> strings(m, a, config.args()));
        functions.put("environ_sizes_get", (m, a) -> sizes(m, a, environ()));
        functions.put("environ_get", (m, a) -> strings(m, a, environ()));
        functions.put("fd_write", this::fdWrite);
        functions.put("fd_read", this::fdRead);
        functions.put("fd_fdstat_get", this::fdFdstatGet);
        functions.put("fd_prestat_get", this::fdPrestatGet);
        functions.put("fd_prestat_dir_name", this::fdPrestatDirName);
        functions.put("path_open", this::pathOpen);
        functions.put("fd_seek", this::fdSeek);
        functions.put("fd_filestat_get", this::fdFilestatGet);
        functions.put("fd_tell", (m, a) -> fdSeek(m, new long[] {a[0], 0, 1, a[1]}));
        functions.put("fd_close", (m, a) -> errno(stdio.remove((int) a[0]) != null || files.remove((int) a[0]) != null
                ? SUCCESS : BADF));
        functions.put("path_filestat_get", this::pathFilestatGet);
        functions.put("path_create_directory", (m, a) -> atPath(m, a, "create-directory-at"));
        functions.put("path_remove_directory", (m, a) -> atPath(m, a, "remove-directory-at"));
        functions.put("path_unlink_file", (m, a) -> atPath(m, a, "unlink-file-at"));
        functions.put("path_rename", this::pathRename);
        functions.put("path_symlink", this::pathSymlink);
        functions.put("path_readlink", this::pathReadlink);
        functions.put("path_link", this::pathLink);
        functions.put("path_filestat_set_times", this::pathFilestatSetTimes);
        functions.put("fd_pread", this::fdPread);
        functions.put("fd_pwrite", this::fdPwrite);
        functions.put("fd_filestat_set_size", (m, a) -> onFile(a[0], d -> fs("set-size", d, Val.u64(a[1]))));
        functions.put("fd_filestat_set_times", (m, a) -> fdFilestatSetTimes(a));
        functions.put("fd_sync", (m, a) -> onFile(a[0], d -> fs("sync", d)));
        functions.put("fd_datasync", (m, a) -> onFile(a[0], d -> fs("sync-data", d)));
        functions.put("fd_advise", this::fdAdvise);
        // 0.2 has no allocate; like wasmtime, files answer NOTSUP (a directory is no file: BADF)
        functions.put("fd_allocate", (m, a) -> {
            OpenFile file = files.get((int) a[0]);
            return errno(file == null || isDirectory(file) ? BADF : NOTSUP);
        });
        functions.put("fd_fdstat_set_flags", this::fdFdstatSetFlags);
        functions.put("fd_fdstat_set_rights", (m, a) -> fdFdstatSetRights(a));
        functions.put("fd_renumber", this::fdRenumber);
        functions.put("fd_readdir", this::fdReaddir);
        functions.put("poll_oneoff", this::pollOneoff);
        // no preview1 sockets are ever handed out: a known fd is not a socket
        for (String sock : List.of("sock_accept", "sock_recv", "sock_send", "sock_shutdown")) {
            functions.put(sock, (m, a) -> errno(isStdio(a[0]) || files.containsKey((int) a[0]) ? NOTSOCK : BADF));
        }
        functions.put("clock_time_get", this::clockTimeGet);
        functions.put("clock_res_get", this::clockResGet);
        functions.put("random_get", this::randomGet);
        functions.put("sched_yield", (m, a) -> errno(SUCCESS));
        functions.put("proc_exit", (m, a) -> {
            int code = (int) a[0];
            if (code >= 0 && code <= 255) {
                call("wasi:cli/exit", "exit-with-code", Val.u8(code));
            }
            throw new WasiExit(code);
        });
    }

    /** The environment as preview1 lists it: {@code KEY=VALUE}, in the order the 0.2 host reports it. */
    private List<String> environ() {
        return Vals.list(call("wasi:cli/environment", "get-environment").orElseThrow()).stream().map(pair -> {
            List<Val> kv = ((Val.Tuple) pair).elements();
            return Vals.string(kv.get(0)) + "=" + Vals.string(kv.get(1));
        }).toList();
    }

    private static long[] sizes(GuestMemory m, long[] a, List<String> strings) {
        m.writeInt((int) a[0], strings.size());
        m.writeInt((int) a[1], strings.stream().mapToInt(s -> utf8(s).length + 1).sum());
        return errno(SUCCESS);
    }

    /** Writes the pointer array at {@code a[0]} and the NUL-terminated strings from {@code a[1]}. */
    private static long[] strings(GuestMemory m, long[] a, List<String> strings) {
        int pointers = (int) a[0];
        int buffer = (int) a[1];
        for (String s : strings) {
            byte[] bytes = Arrays.copyOf(utf8(s), utf8(s).length + 1);
            m.writeInt(pointers, buffer);
            m.writeBytes(buffer, bytes);
            pointers += 4;
            buffer += bytes.length;
        }
        return errno(SUCCESS);
    }

    private long[] fdWrite(GuestMemory m, long[] a) {
        int fd = (int) a[0];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (files.containsKey(fd)) {
            OpenFile file = files.get(fd);
            if (!file.rights.has(Preview1Rights.FD_WRITE)) {
                return errno(BADF);
            }
            forEachIovec(m, a, (buf, len) -> bytes.writeBytes(m.readBytes(buf, len)));
            if (file.append) {
                Val.Result stat = (Val.Result) call(TYPES, "[method]descriptor.stat", borrow(file.descriptor)).orElseThrow();
                if (!stat.isOk()) {
                    return fsErrno(stat);
                }
                file.position = sizeOf(stat);
            }
            Val.Result written = (Val.Result) call(TYPES, "[method]descriptor.write", borrow(file.descriptor),
                    Vals.bytes(bytes.toByteArray()), Val.u64(file.position)).orElseThrow();
            if (!written.isOk()) {
                return fsErrno(written);
            }
            file.position += Vals.u64(written.payload().orElseThrow());
            if (file.syncFlags != 0) {
                long[] synced = fs("sync", borrow(file.descriptor));
                if (synced[0] != SUCCESS) {
                    return synced;
                }
            }
            m.writeInt((int) a[3], bytes.size());
            return errno(SUCCESS);
        }
        StdioFd std = stdio.get(fd);
        if (std == null || std.stream == STDIN || !std.rights.has(Preview1Rights.FD_WRITE)) {
            return errno(BADF);
        }
        forEachIovec(m, a, (buf, len) -> bytes.writeBytes(m.readBytes(buf, len)));
        Val stream = stream(std.stream);
        Val.Result written = (Val.Result) call("wasi:io/streams", "[method]output-stream.blocking-write-and-flush",
                borrow(stream), Vals.bytes(bytes.toByteArray())).orElseThrow();
        if (!written.isOk()) {
            return errno(IO);
        }
        m.writeInt((int) a[3], bytes.size());
        return errno(SUCCESS);
    }

    private long[] fdRead(GuestMemory m, long[] a) {
        OpenFile file = files.get((int) a[0]);
        if (file != null) {
            if (!file.rights.has(Preview1Rights.FD_READ)) {
                return errno(BADF);
            }
            long[] status = {SUCCESS};
            int[] total = {0};
            forEachIovec(m, a, (buf, len) -> {
                if (status[0] != SUCCESS || len == 0) {
                    return;
                }
                Val.Result read = (Val.Result) call(TYPES, "[method]descriptor.read", borrow(file.descriptor),
                        Val.u64(Integer.toUnsignedLong(len)), Val.u64(file.position)).orElseThrow();
                if (!read.isOk()) {
                    status[0] = fsErrno(read)[0];
                    return;
                }
                byte[] bytes = Vals.bytes(((Val.Tuple) read.payload().orElseThrow()).elements().get(0));
                m.writeBytes(buf, bytes);
                file.position += bytes.length;
                total[0] += bytes.length;
            });
            if (status[0] == SUCCESS) {
                m.writeInt((int) a[3], total[0]);
            }
            return errno(status[0]);
        }
        StdioFd std = stdio.get((int) a[0]);
        if (std == null || std.stream != STDIN || !std.rights.has(Preview1Rights.FD_READ)) {
            return errno(BADF);
        }
        int[] total = {0};
        boolean[] eof = {false};
        forEachIovec(m, a, (buf, len) -> {
            if (eof[0] || len == 0 || total[0] > 0) {
                return; // one blocking read per call: a short read is allowed and avoids blocking again
            }
            Val.Result read = (Val.Result) call("wasi:io/streams", "[method]input-stream.blocking-read",
                    borrow(stream(STDIN)), Val.u64(len)).orElseThrow();
            if (!read.isOk()) {
                eof[0] = true;
                return;
            }
            byte[] bytes = Vals.bytes(read.payload().orElseThrow());
            m.writeBytes(buf, bytes);
            total[0] += bytes.length;
        });
        m.writeInt((int) a[3], total[0]);
        return errno(SUCCESS);
    }

    /** fdstat: filetype u8 at 0, flags u16 at 2, rights base and inheriting u64 at 8 and 16. */
    private long[] fdFdstatGet(GuestMemory m, long[] a) {
        byte filetype = CHARACTER_DEVICE;
        OpenFile file = files.get((int) a[0]);
        if (file != null) {
            Val.Result type = (Val.Result) call(TYPES, "[method]descriptor.get-type", borrow(file.descriptor)).orElseThrow();
            if (!type.isOk()) {
                return fsErrno(type);
            }
            filetype = filetype(((Val.Enum) type.payload().orElseThrow()).name());
        } else if (!isStdio(a[0])) {
            return errno(BADF);
        }
        int at = (int) a[1];
        m.check(at, 24);
        m.writeByte(at, filetype);
        m.writeByte(at + 1, (byte) 0);
        m.writeShort(at + 2, (short) (file == null ? 0 : (file.append ? 1 : 0) | file.syncFlags));
        m.writeInt(at + 4, 0);
        Preview1Rights rights = file != null ? file.rights : stdio.get((int) a[0]).rights;
        m.writeLong(at + 8, rights.base());
        m.writeLong(at + 16, rights.inheriting());
        return errno(SUCCESS);
    }

    /** fd_fdstat_set_rights(fd, base, inheriting): rights can be dropped, never regained (NOTCAPABLE). */
    private long[] fdFdstatSetRights(long[] a) {
        Preview1Rights wanted = new Preview1Rights(a[1], a[2]);
        OpenFile file = files.get((int) a[0]);
        StdioFd std = stdio.get((int) a[0]);
        Preview1Rights current = file != null ? file.rights : std != null ? std.rights : null;
        if (current == null) {
            return errno(BADF);
        }
        if (!current.covers(wanted)) {
            return errno(NOTCAPABLE);
        }
        if (file != null) {
            file.rights = wanted;
        } else {
            std.rights = wanted;
        }
        return errno(SUCCESS);
    }

    private long[] clockTimeGet(GuestMemory m, long[] a) {
        return switch ((int) a[0]) {
            case 0 -> {
                Val.Record now = (Val.Record) call("wasi:clocks/wall-clock", "now").orElseThrow();
                long seconds = Vals.u64(now.fields().get(0).value());
                long nanos = Vals.u32(now.fields().get(1).value());
                m.writeLong((int) a[2], seconds * 1_000_000_000L + nanos);
                yield errno(SUCCESS);
            }
            case 1 -> {
                m.writeLong((int) a[2], Vals.u64(call("wasi:clocks/monotonic-clock", "now").orElseThrow()));
                yield errno(SUCCESS);
            }
            default -> errno(INVAL);
        };
    }

    private long[] clockResGet(GuestMemory m, long[] a) {
        return switch ((int) a[0]) {
            case 0 -> {
                Val.Record res = (Val.Record) call("wasi:clocks/wall-clock", "resolution").orElseThrow();
                m.writeLong((int) a[1], Vals.u64(res.fields().get(0).value()) * 1_000_000_000L
                        + Vals.u32(res.fields().get(1).value()));
                yield errno(SUCCESS);
            }
            case 1 -> {
                m.writeLong((int) a[1], Vals.u64(call("wasi:clocks/monotonic-clock", "resolution").orElseThrow()));
                yield errno(SUCCESS);
            }
            default -> errno(INVAL);
        };
    }

    private long[] randomGet(GuestMemory m, long[] a) {
        int len = (int) a[1];
        m.check((int) a[0], Integer.toUnsignedLong(len));
        byte[] bytes = Vals.bytes(call("wasi:random/random", "get-random-bytes",
                Val.u64(Integer.toUnsignedLong(len))).orElseThrow());
        m.writeBytes((int) a[0], bytes);
        return errno(SUCCESS);
    }

    /** prestat: tag u8 at 0 (0 = directory), name length u32 at 4. */
    private long[] fdPrestatGet(GuestMemory m, long[] a) {
        OpenFile file = files.get((int) a[0]);
        if (file == null || file.preopen.isEmpty()) {
            return errno(BADF);
        }
        m.check((int) a[1], 8);
        m.writeInt((int) a[1], 0);
        m.writeInt((int) a[1] + 4, utf8(file.preopen.get()).length);
        return errno(SUCCESS);
    }

    private long[] fdPrestatDirName(GuestMemory m, long[] a) {
        OpenFile file = files.get((int) a[0]);
        if (file == null || file.preopen.isEmpty()) {
            return errno(BADF);
        }
        byte[] name = utf8(file.preopen.get());
        if (Integer.toUnsignedLong((int) a[2]) < name.length) {
            return errno(NAMETOOLONG);
        }
        m.writeBytes((int) a[1], name);
        return errno(SUCCESS);
    }

    /** path_open(dirfd, lookupflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_ptr). */
    private long[] pathOpen(GuestMemory m, long[] a) {
        OpenFile dir = files.get((int) a[0]);
        if (dir == null) {
            return errno(BADF);
        }
        String path = new String(m.readBytes((int) a[2], (int) a[3]), StandardCharsets.UTF_8);
        int oflags = (int) a[4];
        int fdflags = (int) a[7];
        if ((oflags & 8) != 0 && !dir.rights.has(Preview1Rights.PATH_FILESTAT_SET_SIZE)) {
            return errno(PERM); // truncating through a path needs the directory's path_filestat_set_size
        }
        // the rights asked for, as far as the directory hands them on, choose the 0.2 descriptor-flags
        long rights = a[5] & dir.rights.inheriting();
        List<String> open = new java.util.ArrayList<>();
        if ((oflags & 1) != 0) {
            open.add("create");
        }
        if ((oflags & 2) != 0) {
            open.add("directory");
        }
        if ((oflags & 4) != 0) {
            open.add("exclusive");
        }
        if ((oflags & 8) != 0) {
            open.add("truncate");
        }
        List<String> flags = new java.util.ArrayList<>(List.of("read"));
        // right fd_write asks for a writable descriptor; the host refuses that for a directory (ISDIR)
        if ((rights & Preview1Rights.FD_WRITE) != 0 || (fdflags & 1) != 0) {
            flags.add("write");
        }
        if ((oflags & 2) != 0 || (rights & (1L << 9 | 1L << 10 | 1L << 22 | 1L << 23 | 1L << 24 | 1L << 25)) != 0) {
            flags.add("mutate-directory");
        }
        Val pathFlags = pathFlags(a[1]);
        Val.Result opened = (Val.Result) call(TYPES, "[method]descriptor.open-at", borrow(dir.descriptor), pathFlags,
                Val.string(path), Val.flags(open.toArray(String[]::new)), Val.flags(flags.toArray(String[]::new)))
                .orElseThrow();
        if (!opened.isOk()) {
            return fsErrno(opened);
        }
        int fd = nextFd++;
        Val descriptor = opened.payload().orElseThrow();
        boolean directory = isDirectory(descriptor);
        OpenFile file = new OpenFile(descriptor, Optional.empty(), dir.rights.opened(a[5], a[6], directory));
        file.append = (fdflags & 1) != 0;
        file.syncFlags = fdflags & SYNC_FLAGS;
        files.put(fd, file);
        m.writeInt((int) a[8], fd);
        return errno(SUCCESS);
    }

    /** fd_seek(fd, offset, whence: 0 set, 1 cur, 2 end, newoffset_ptr). */
    private long[] fdSeek(GuestMemory m, long[] a) {
        OpenFile file = files.get((int) a[0]);
        if (file == null || isDirectory(file)) {
            return errno(isStdio(a[0]) ? SPIPE : BADF);
        }
        long base = switch ((int) a[2]) {
            case 0 -> 0;
            case 1 -> file.position;
            case 2 -> {
                Val.Result stat = (Val.Result) call(TYPES, "[method]descriptor.stat", borrow(file.descriptor)).orElseThrow();
                if (!stat.isOk()) {
                    yield -1;
                }
                yield sizeOf(stat);
            }
            default -> -1;
        };
        if (base < 0 || base + a[1] < 0) {
            return errno(INVAL);
        }
        file.position = base + a[1];
        m.writeLong((int) a[3], file.position);
        return errno(SUCCESS);
    }

    /** filestat: dev, ino, filetype u8 at 16, nlink, size, atim, mtim, ctim (u64 each, 64 bytes). */
    private long[] fdFilestatGet(GuestMemory m, long[] a) {
        OpenFile file = files.get((int) a[0]);
        if (file == null) {
            return errno(isStdio(a[0]) ? NOSYS : BADF);
        }
        return writeFilestat(m, (int) a[1],
                (Val.Result) call(TYPES, "[method]descriptor.stat", borrow(file.descriptor)).orElseThrow(),
                (Val.Result) call(TYPES, "[method]descriptor.metadata-hash", borrow(file.descriptor)).orElseThrow());
    }

    /** path_filestat_get(fd, lookupflags, path, path_len, filestat_ptr). */
    private long[] pathFilestatGet(GuestMemory m, long[] a) {
        OpenFile dir = files.get((int) a[0]);
        if (dir == null) {
            return errno(BADF);
        }
        Val follow = pathFlags(a[1]);
        Val path = path(m, a[2], a[3]);
        return writeFilestat(m, (int) a[4],
                (Val.Result) call(TYPES, "[method]descriptor.stat-at", borrow(dir.descriptor), follow, path).orElseThrow(),
                (Val.Result) call(TYPES, "[method]descriptor.metadata-hash-at", borrow(dir.descriptor), follow, path)
                        .orElseThrow());
    }

    private static long[] writeFilestat(GuestMemory m, int at, Val.Result stat, Val.Result hash) {
        if (!stat.isOk()) {
            return fsErrno(stat);
        }
        if (!hash.isOk()) {
            return fsErrno(hash);
        }
        Map<String, Val> fields = new HashMap<>();
        ((Val.Record) stat.payload().orElseThrow()).fields().forEach(f -> fields.put(f.name(), f.value()));
        List<Val.Field> ids = ((Val.Record) hash.payload().orElseThrow()).fields();
        m.check(at, 64);
        m.writeLong(at, Vals.u64(ids.get(1).value()));
        m.writeLong(at + 8, Vals.u64(ids.get(0).value()));
        m.writeLong(at + 16, 0);
        m.writeByte(at + 16, filetype(((Val.Enum) fields.get("type")).name()));
        m.writeLong(at + 24, Vals.u64(fields.get("link-count")));
        m.writeLong(at + 32, Vals.u64(fields.get("size")));
        m.writeLong(at + 40, nanos(fields.get("data-access-timestamp")));
        m.writeLong(at + 48, nanos(fields.get("data-modification-timestamp")));
        m.writeLong(at + 56, nanos(fields.get("status-change-timestamp")));
        return errno(SUCCESS);
    }

    private boolean isDirectory(OpenFile file) {
        return isDirectory(file.descriptor);
    }

    private boolean isDirectory(Val descriptor) {
        Val.Result type = (Val.Result) call(TYPES, "[method]descriptor.get-type", borrow(descriptor)).orElseThrow();
        return type.isOk() && ((Val.Enum) type.payload().orElseThrow()).name().equals("directory");
    }

    /** The size field of a successful {@code descriptor.stat}. */
    private static long sizeOf(Val.Result stat) {
        return Vals.u64(((Val.Record) stat.payload().orElseThrow()).fields().stream()
                .filter(f -> f.name().equals("size")).findFirst().orElseThrow().value());
    }

    /** Runs {@code action} on the borrowed 0.2 descriptor of {@code fd}; BADF when fd is not an open file. */
    private long[] onFile(long fd, java.util.function.Function<Val, long[]> action) {
        OpenFile file = files.get((int) fd);
        return file == null ? errno(BADF) : action.apply(borrow(file.descriptor));
    }

    /** Calls {@code descriptor.<method>} and maps its {@code result<_, error-code>} onto an errno. */
    private long[] fs(String method, Val descriptor, Val... rest) {
        Val[] args = new Val[rest.length + 1];
        args[0] = descriptor;
        System.arraycopy(rest, 0, args, 1, rest.length);
        Val.Result result = (Val.Result) call(TYPES, "[method]descriptor." + method, args).orElseThrow();
        return result.isOk() ? errno(SUCCESS) : fsErrno(result);
    }

    /** The {@code *_at(fd, path, path_len)} functions that take one path and return nothing. */
    private long[] atPath(GuestMemory m, long[] a, String method) {
        return onFile(a[0], d -> fs(method, d, path(m, a[1], a[2])));
    }

    /** path_rename(fd, old_path, old_len, new_fd, new_path, new_len). */
    private long[] pathRename(GuestMemory m, long[] a) {
        OpenFile target = files.get((int) a[3]);
        return target == null ? errno(BADF)
                : onFile(a[0], d -> fs("rename-at", d, path(m, a[1], a[2]), borrow(target.descriptor), path(m, a[4], a[5])));
    }

    /** path_symlink(old_path, old_len, fd, new_path, new_len): the link at new_path points to old_path. */
    private long[] pathSymlink(GuestMemory m, long[] a) {
        return onFile(a[2], d -> fs("symlink-at", d, path(m, a[0], a[1]), path(m, a[3], a[4])));
    }

    /** path_link(old_fd, old_flags, old_path, old_len, new_fd, new_path, new_len). */
    private long[] pathLink(GuestMemory m, long[] a) {
        OpenFile target = files.get((int) a[4]);
        return target == null ? errno(BADF) : onFile(a[0], d -> fs("link-at", d, pathFlags(a[1]), path(m, a[2], a[3]),
                borrow(target.descriptor), path(m, a[5], a[6])));
    }

    /** path_readlink(fd, path, path_len, buf, buf_len, bufused_ptr): the target, truncated to buf_len. */
    private long[] pathReadlink(GuestMemory m, long[] a) {
        OpenFile dir = files.get((int) a[0]);
        if (dir == null) {
            return errno(BADF);
        }
        Val.Result link = (Val.Result) call(TYPES, "[method]descriptor.readlink-at", borrow(dir.descriptor),
                path(m, a[1], a[2])).orElseThrow();
        if (!link.isOk()) {
            return fsErrno(link);
        }
        byte[] target = utf8(Vals.string(link.payload().orElseThrow()));
        int used = (int) Math.min(target.length, Integer.toUnsignedLong((int) a[4]));
        m.writeBytes((int) a[3], Arrays.copyOf(target, used));
        m.writeInt((int) a[5], used);
        return errno(SUCCESS);
    }

    /** path_filestat_set_times(fd, lookupflags, path, path_len, atim, mtim, fstflags). */
    private long[] pathFilestatSetTimes(GuestMemory m, long[] a) {
        if (!validTimeFlags(a[6])) {
            return errno(INVAL);
        }
        return onFile(a[0], d -> fs("set-times-at", d, pathFlags(a[1]), path(m, a[2], a[3]),
                newTimestamp(a[4], a[6], 1), newTimestamp(a[5], a[6], 4)));
    }

    /** fd_filestat_set_times(fd, atim, mtim, fstflags). */
    private long[] fdFilestatSetTimes(long[] a) {
        if (!validTimeFlags(a[3])) {
            return errno(INVAL);
        }
        return onFile(a[0], d -> fs("set-times", d, newTimestamp(a[1], a[3], 1), newTimestamp(a[2], a[3], 4)));
    }

    /** fstflags: atim 1, atim_now 2, mtim 4, mtim_now 8; a time cannot be both given and "now". */
    private static boolean validTimeFlags(long fstflags) {
        return (fstflags & 3) != 3 && (fstflags & 12) != 12 && (fstflags & ~15L) == 0;
    }

    /** The 0.2 new-timestamp for one time of fstflags, whose "set" bit is {@code setBit} and "now" bit twice it. */
    private static Val newTimestamp(long nanos, long fstflags, int setBit) {
        if ((fstflags & (setBit * 2L)) != 0) {
            return Val.variant("now");
        }
        if ((fstflags & setBit) != 0) {
            return Val.variant("timestamp", Vals.datetime(Long.divideUnsigned(nanos, 1_000_000_000L),
                    (int) Long.remainderUnsigned(nanos, 1_000_000_000L)));
        }
        return Val.variant("no-change");
    }

    /** fd_pread(fd, iovs, iovs_len, offset, nread_ptr): a read at offset that leaves the position alone. */
    private long[] fdPread(GuestMemory m, long[] a) {
        return atOffset(a, () -> fdRead(m, new long[] {a[0], a[1], a[2], a[4]}));
    }

    /** fd_pwrite(fd, iovs, iovs_len, offset, nwritten_ptr): a write at offset that leaves the position alone. */
    private long[] fdPwrite(GuestMemory m, long[] a) {
        return atOffset(a, () -> fdWrite(m, new long[] {a[0], a[1], a[2], a[4]}));
    }

    private long[] atOffset(long[] a, java.util.function.Supplier<long[]> io) {
        OpenFile file = files.get((int) a[0]);
        if (file == null) {
            return errno(isStdio(a[0]) ? SPIPE : BADF);
        }
        if (a[3] < 0) {
            return errno(INVAL);
        }
        long position = file.position;
        boolean append = file.append;
        file.position = a[3];
        file.append = false;
        try {
            return io.get();
        } finally {
            file.position = position;
            file.append = append;
        }
    }

    /** fd_advise(fd, offset, len, advice): advice 0..5 maps onto the 0.2 advice enum. */
    private long[] fdAdvise(GuestMemory m, long[] a) {
        List<String> advice = List.of("normal", "sequential", "random", "will-need", "dont-need", "no-reuse");
        if (a[3] < 0 || a[3] >= advice.size()) {
            return errno(INVAL);
        }
        return onFile(a[0], d -> fs("advise", d, Val.u64(a[1]), Val.u64(a[2]), Val.enumCase(advice.get((int) a[3]))));
    }

    /** fd_fdstat_set_flags(fd, fdflags): append and the sync flags are kept; nonblock (4) is accepted. */
    private long[] fdFdstatSetFlags(GuestMemory m, long[] a) {
        if ((a[1] & ~31L) != 0) {
            return errno(INVAL);
        }
        OpenFile file = files.get((int) a[0]);
        if (file == null) {
            return errno(isStdio(a[0]) ? SUCCESS : BADF);
        }
        file.append = (a[1] & 1) != 0;
        file.syncFlags = (int) a[1] & SYNC_FLAGS;
        return errno(SUCCESS);
    }

    /** fd_renumber(from, to): the file or stdio stream of {@code from} moves to {@code to}, closing what was there. */
    private long[] fdRenumber(GuestMemory m, long[] a) {
        int from = (int) a[0];
        int to = (int) a[1];
        boolean fromOpen = files.containsKey(from) || stdio.containsKey(from);
        if (!fromOpen || !files.containsKey(to) && !stdio.containsKey(to)) {
            return errno(BADF);
        }
        if (from == to) {
            return errno(SUCCESS);
        }
        files.remove(to);
        stdio.remove(to);
        if (files.containsKey(from)) {
            files.put(to, files.remove(from));
        } else {
            stdio.put(to, stdio.remove(from));
        }
        return errno(SUCCESS);
    }

    /**
     * fd_readdir(fd, buf, buf_len, cookie, bufused_ptr): "." and "..", then the 0.2 directory entries, each as
     * d_next u64, d_ino u64, d_namlen u32, d_type u8 (padded to 24 bytes) and the name; the cookie is an index.
     */
    private long[] fdReaddir(GuestMemory m, long[] a) {
        OpenFile dir = files.get((int) a[0]);
        if (dir == null) {
            return errno(BADF);
        }
        Val.Result stream = (Val.Result) call(TYPES, "[method]descriptor.read-directory", borrow(dir.descriptor))
                .orElseThrow();
        if (!stream.isOk()) {
            return fsErrno(stream);
        }
        Val.Result self = (Val.Result) call(TYPES, "[method]descriptor.metadata-hash", borrow(dir.descriptor)).orElseThrow();
        if (!self.isOk()) {
            return fsErrno(self);
        }
        long selfIno = Vals.u64(((Val.Record) self.payload().orElseThrow()).fields().get(0).value());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long cookie = a[3];
        long index = 0;
        index = dirent(out, index, cookie, selfIno, (byte) 3, ".");
        index = dirent(out, index, cookie, 0, (byte) 3, "..");
        Val entries = stream.payload().orElseThrow();
        while (true) {
            Val.Result next = (Val.Result) call(TYPES, "[method]directory-entry-stream.read-directory-entry",
                    borrow(entries)).orElseThrow();
            if (!next.isOk()) {
                return fsErrno(next);
            }
            Optional<Val> entry = ((Val.Option) next.payload().orElseThrow()).value();
            if (entry.isEmpty()) {
                break;
            }
            List<Val.Field> fields = ((Val.Record) entry.get()).fields();
            String name = Vals.string(fields.get(1).value());
            long ino = 0;
            if (index >= cookie) {
                Val.Result hash = (Val.Result) call(TYPES, "[method]descriptor.metadata-hash-at", borrow(dir.descriptor),
                        Val.flags(), Val.string(name)).orElseThrow();
                ino = hash.isOk() ? Vals.u64(((Val.Record) hash.payload().orElseThrow()).fields().get(0).value()) : 0;
            }
            index = dirent(out, index, cookie, ino, filetype(((Val.Enum) fields.get(0).value()).name()), name);
        }
        dropResource(entries);
        byte[] bytes = out.toByteArray();
        int used = (int) Math.min(bytes.length, Integer.toUnsignedLong((int) a[2]));
        m.writeBytes((int) a[1], Arrays.copyOf(bytes, used));
        m.writeInt((int) a[4], used);
        return errno(SUCCESS);
    }

    /** Appends the dirent for entry {@code index} when it is at or past {@code cookie}; the next index. */
    private static long dirent(ByteArrayOutputStream out, long index, long cookie, long ino, byte type, String name) {
        if (index >= cookie) {
            byte[] bytes = utf8(name);
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            header.putLong(index + 1).putLong(ino).putInt(bytes.length).put(type);
            out.writeBytes(header.array());
            out.writeBytes(bytes);
        }
        return index + 1;
    }

    /**
     * poll_oneoff(in, out, nsubscriptions, nevents_ptr). Subscriptions are 48 bytes: userdata u64, tag u8 at 8
     * (0 clock, 1 fd_read, 2 fd_write), then clock id u32 at 16, timeout u64 at 24, flags u16 at 40 (1 = absolute),
     * or the fd u32 at 16. Events are 32 bytes: userdata, error u16 at 8, type u8 at 10, nbytes u64 at 16.
     * Files and stdio are always ready, so fd subscriptions complete at once; otherwise the call sleeps on the
     * 0.2 monotonic clock until the earliest clock subscription is due.
     */
    private long[] pollOneoff(GuestMemory m, long[] a) {
        int in = (int) a[0];
        int out = (int) a[1];
        int count = (int) a[2];
        if (count <= 0) {
            return errno(INVAL);
        }
        m.check(in, 48L * count);
        int events = 0;
        long earliest = Long.MAX_VALUE;
        long now = Vals.u64(call("wasi:clocks/monotonic-clock", "now").orElseThrow());
        for (int i = 0; i < count; i++) {
            int sub = in + 48 * i;
            byte tag = m.readByte(sub + 8);
            if (tag == 0) {
                earliest = Math.min(earliest, clockDeadline(m, sub, now));
            } else if (tag == 1 || tag == 2) {
                int fd = m.readInt(sub + 16);
                long error = isStdio(fd) || files.containsKey(fd) ? SUCCESS : BADF;
                writeEvent(m, out + 32 * events++, m.readLong(sub), error, tag);
            } else {
                return errno(INVAL);
            }
        }
        if (events == 0) {
            if (earliest > now) {
                Val pollable = call("wasi:clocks/monotonic-clock", "subscribe-instant", Val.u64(earliest)).orElseThrow();
                call("wasi:io/poll", "[method]pollable.block", borrow(pollable));
                dropResource(pollable);
            }
            long after = Vals.u64(call("wasi:clocks/monotonic-clock", "now").orElseThrow());
            for (int i = 0; i < count; i++) {
                int sub = in + 48 * i;
                if (m.readByte(sub + 8) == 0 && clockDeadline(m, sub, now) <= after) {
                    writeEvent(m, out + 32 * events++, m.readLong(sub), SUCCESS, (byte) 0);
                }
            }
        }
        m.writeInt((int) a[3], events);
        return errno(SUCCESS);
    }

    /** The monotonic instant a clock subscription is due: its timeout, relative to {@code now} unless absolute. */
    private static long clockDeadline(GuestMemory m, int sub, long now) {
        long timeout = m.readLong(sub + 24);
        return (m.readByte(sub + 40) & 1) != 0 ? timeout : now + timeout;
    }

    private static void writeEvent(GuestMemory m, int at, long userdata, long error, byte type) {
        m.check(at, 32);
        m.writeLong(at, userdata);
        m.writeShort(at + 8, (short) error);
        m.writeByte(at + 10, type);
        m.writeByte(at + 11, (byte) 0);
        m.writeInt(at + 12, 0);
        m.writeLong(at + 16, 0);
        m.writeLong(at + 24, 0);
    }

    private static Val path(GuestMemory m, long ptr, long len) {
        return Val.string(new String(m.readBytes((int) ptr, (int) len), StandardCharsets.UTF_8));
    }

    private static Val pathFlags(long lookupflags) {
        return (lookupflags & 1) != 0 ? Val.flags("symlink-follow") : Val.flags();
    }

    /** An {@code option<datetime>} as nanoseconds since the epoch; 0 when absent. */
    private static long nanos(Val optionalDatetime) {
        if (!(optionalDatetime instanceof Val.Option o) || o.value().isEmpty()) {
            return 0;
        }
        List<Val.Field> t = ((Val.Record) o.value().get()).fields();
        return Vals.u64(t.get(0).value()) * 1_000_000_000L + Vals.u32(t.get(1).value());
    }

    /** The preview1 filetype of a {@code wasi:filesystem} descriptor-type. */
    private static byte filetype(String type) {
        return switch (type) {
            case "block-device" -> 1;
            case "character-device" -> CHARACTER_DEVICE;
            case "directory" -> DIRECTORY;
            case "regular-file" -> 4;
            case "socket" -> 6;
            case "symbolic-link" -> 7;
            default -> 0;
        };
    }

    /** The preview1 errno for the {@code wasi:filesystem} error-code of a failed 0.2 call. */
    private static long[] fsErrno(Val.Result failed) {
        String code = ((Val.Enum) failed.payload().orElseThrow()).name();
        return errno(switch (code) {
            case "access" -> 2;
            case "would-block" -> 6;
            case "already" -> 7;
            case "bad-descriptor" -> BADF;
            case "busy" -> 10;
            case "deadlock" -> 16;
            case "quota" -> 19;
            case "exist" -> 20;
            case "file-too-large" -> 22;
            case "illegal-byte-sequence" -> 25;
            case "in-progress" -> 26;
            case "interrupted" -> 27;
            case "invalid" -> INVAL;
            case "is-directory" -> 31;
            case "loop" -> 32;
            case "too-many-links" -> 34;
            case "message-size" -> 35;
            case "name-too-long" -> NAMETOOLONG;
            case "no-device" -> 43;
            case "no-entry" -> 44;
            case "no-lock" -> 46;
            case "insufficient-memory" -> 48;
            case "insufficient-space" -> 51;
            case "not-directory" -> 54;
            case "not-empty" -> 55;
            case "not-recoverable" -> 56;
            case "unsupported" -> NOTSUP;
            case "no-tty" -> 59;
            case "no-such-device" -> 60;
            case "overflow" -> 61;
            case "not-permitted" -> 63;
            case "pipe" -> 64;
            case "read-only" -> 69;
            case "invalid-seek" -> SPIPE;
            case "text-file-busy" -> 74;
            case "cross-device" -> 75;
            default -> IO;
        });
    }

    @FunctionalInterface
    private interface IovecConsumer {
        void accept(int buf, int len);
    }

    /** Visits the {@code a[2]} iovecs (buf u32, len u32) at {@code a[1]}. */
    private static void forEachIovec(GuestMemory m, long[] a, IovecConsumer consumer) {
        int iovs = (int) a[1];
        int count = (int) a[2];
        m.check(iovs, 8L * Integer.toUnsignedLong(count));
        for (int i = 0; i < count; i++) {
            int buf = m.readInt(iovs + 8 * i);
            int len = m.readInt(iovs + 8 * i + 4);
            m.check(buf, Integer.toUnsignedLong(len));
            consumer.accept(buf, len);
        }
    }

    /** The 0.2 stream behind stdio stream {@code kind}, obtained once. */
    private Val stream(int kind) {
        return streams.computeIfAbsent(kind, d -> switch (d) {
            case STDIN -> call("wasi:cli/stdin", "get-stdin").orElseThrow();
            case STDOUT -> call("wasi:cli/stdout", "get-stdout").orElseThrow();
            default -> call("wasi:cli/stderr", "get-stderr").orElseThrow();
        });
    }

    private void dropResource(Val own) {
        host.objects.drop(((dev.jwc.runtime.Resource) ((Val.Own) own).handle()).rep());
    }

    private static Val borrow(Val own) {
        return new Val.Borrow(((Val.Own) own).handle());
    }

    private Optional<Val> call(String iface, String function, Val... args) {
        HostFunction f = host.function(iface, function);
        return f.call(List.of(args));
    }

    private boolean isStdio(long fd) {
        return stdio.containsKey((int) fd);
    }

    private static long[] errno(long code) {
        return new long[] {code};
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
