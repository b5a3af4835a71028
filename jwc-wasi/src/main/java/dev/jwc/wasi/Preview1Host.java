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
 * Functions not implemented yet answer {@code ENOSYS}, which guests handle as "not supported".
 */
final class Preview1Host {
    static final String MODULE = "wasi_snapshot_preview1";
    private static final long SUCCESS = 0;
    private static final long BADF = 8;
    private static final long INVAL = 28;
    private static final long IO = 29;
    private static final long NOSYS = 52;
    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    /** filetype character_device: stdio is reported as a terminal-like device, as wasmtime does. */
    private static final byte CHARACTER_DEVICE = 2;

    private final HostRegistry host;
    private final WasiConfig config;
    private final Map<String, HostImport> functions = new HashMap<>();
    private final Map<Integer, Val> streams = new HashMap<>();

    Preview1Host(HostRegistry host, WasiConfig config) {
        this.host = host;
        this.config = config;
        define();
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
        functions.put("fd_prestat_get", (m, a) -> errno(BADF));
        functions.put("fd_close", (m, a) -> errno(isStdio(a[0]) ? SUCCESS : BADF));
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
        if (fd != STDOUT && fd != STDERR) {
            return errno(BADF);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        forEachIovec(m, a, (buf, len) -> bytes.writeBytes(m.readBytes(buf, len)));
        Val stream = stream(fd);
        Val.Result written = (Val.Result) call("wasi:io/streams", "[method]output-stream.blocking-write-and-flush",
                borrow(stream), Vals.bytes(bytes.toByteArray())).orElseThrow();
        if (!written.isOk()) {
            return errno(IO);
        }
        m.writeInt((int) a[3], bytes.size());
        return errno(SUCCESS);
    }

    private long[] fdRead(GuestMemory m, long[] a) {
        if ((int) a[0] != STDIN) {
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
        if (!isStdio(a[0])) {
            return errno(BADF);
        }
        int at = (int) a[1];
        m.check(at, 24);
        m.writeByte(at, CHARACTER_DEVICE);
        m.writeByte(at + 1, (byte) 0);
        m.writeShort(at + 2, (short) 0);
        m.writeInt(at + 4, 0);
        m.writeLong(at + 8, -1L);
        m.writeLong(at + 16, -1L);
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

    /** The 0.2 stream behind stdio descriptor {@code fd}, obtained once. */
    private Val stream(int fd) {
        return streams.computeIfAbsent(fd, d -> switch (d) {
            case STDIN -> call("wasi:cli/stdin", "get-stdin").orElseThrow();
            case STDOUT -> call("wasi:cli/stdout", "get-stdout").orElseThrow();
            default -> call("wasi:cli/stderr", "get-stderr").orElseThrow();
        });
    }

    private static Val borrow(Val own) {
        return new Val.Borrow(((Val.Own) own).handle());
    }

    private Optional<Val> call(String iface, String function, Val... args) {
        HostFunction f = host.function(iface, function);
        return f.call(List.of(args));
    }

    private static boolean isStdio(long fd) {
        return fd == STDIN || fd == STDOUT || fd == STDERR;
    }

    private static long[] errno(long code) {
        return new long[] {code};
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
