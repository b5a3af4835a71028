package dev.jwc.wasi;

import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code wasi:io}: error, poll and streams (blocking and non-blocking, splice, subscribe). */
final class IoHost {
    private static final String ERROR = "wasi:io/error";
    private static final String POLL = "wasi:io/poll";
    private static final String STREAMS = "wasi:io/streams";

    /**
     * The host object behind {@code wasi:io/error}: {@code code} is a filesystem error-code when known,
     * {@code networkCode} the {@code wasi:sockets} error-code of a socket stream.
     */
    record IoError(String message, Optional<String> code, Optional<SocketErrorCode> networkCode) {
    }

    private final HostRegistry r;
    private final ResourceType pollable;
    private final ResourceType error;

    IoHost(HostRegistry r) {
        this.r = r;
        this.pollable = r.resource(POLL, "pollable");
        this.error = r.resource(ERROR, "error");
    }

    Val pollable(Pollable p) {
        return r.objects.own(pollable, p);
    }

    Val streamError(IOException e) {
        if (e instanceof StreamClosedException) {
            return Val.variant("closed");
        }
        String message = String.valueOf(e.getMessage());
        IoError failure = e instanceof SocketStreamException s
                ? new IoError(message, Optional.empty(), Optional.of(s.code()))
                : new IoError(message, Optional.of(FsErrors.code(e)), Optional.empty());
        return Val.variant("last-operation-failed", r.objects.own(error, failure));
    }

    void register() {
        r.define(ERROR, "[method]error.to-debug-string",
                a -> Optional.of(Val.string(r.objects.get(a.get(0), IoError.class).message())));
        r.define(POLL, "[method]pollable.ready", a -> Optional.of(Val.bool(r.objects.get(a.get(0), Pollable.class).ready())));
        r.define(POLL, "[method]pollable.block", a -> {
            Polling.block(r.objects.get(a.get(0), Pollable.class));
            return Optional.empty();
        });
        r.define(POLL, "poll", a -> {
            List<Pollable> ps = Vals.list(a.get(0)).stream().map(v -> r.objects.get(v, Pollable.class)).toList();
            return Optional.of(new Val.List(Polling.poll(ps).stream().map(i -> Val.u32(i)).toList()));
        });
        String in = "[method]input-stream.";
        r.define(STREAMS, in + "read", a -> read(a, false));
        r.define(STREAMS, in + "blocking-read", a -> read(a, true));
        r.define(STREAMS, in + "skip", a -> skip(a, false));
        r.define(STREAMS, in + "blocking-skip", a -> skip(a, true));
        r.define(STREAMS, in + "subscribe", a -> Optional.of(pollable(r.objects.get(a.get(0), InStream.class).readiness())));
        String out = "[method]output-stream.";
        r.define(STREAMS, out + "check-write", a -> {
            try {
                return Vals.ok(Val.u64(r.objects.get(a.get(0), OutStream.class).checkWrite()));
            } catch (IOException e) {
                return Vals.err(streamError(e));
            }
        });
        r.define(STREAMS, out + "write", a -> write(a.get(0), Vals.bytes(a.get(1)), false));
        r.define(STREAMS, out + "blocking-write-and-flush", a -> write(a.get(0), Vals.bytes(a.get(1)), true));
        r.define(STREAMS, out + "write-zeroes", a -> write(a.get(0), new byte[Vals.length(Vals.u64(a.get(1)))], false));
        r.define(STREAMS, out + "blocking-write-zeroes-and-flush",
                a -> write(a.get(0), new byte[Vals.length(Vals.u64(a.get(1)))], true));
        r.define(STREAMS, out + "flush", a -> flush(a.get(0)));
        r.define(STREAMS, out + "blocking-flush", a -> flush(a.get(0)));
        r.define(STREAMS, out + "subscribe",
                a -> Optional.of(pollable(r.objects.get(a.get(0), OutStream.class).writability())));
        r.define(STREAMS, out + "splice", a -> splice(a, false));
        r.define(STREAMS, out + "blocking-splice", a -> splice(a, true));
    }

    private Optional<Val> read(List<Val> a, boolean blocking) {
        InStream s = r.objects.get(a.get(0), InStream.class);
        try {
            byte[] b = s.read(Vals.length(Vals.u64(a.get(1))), blocking);
            return b == null ? Vals.err(Val.variant("closed")) : Vals.ok(Vals.bytes(b));
        } catch (IOException e) {
            return Vals.err(streamError(e));
        }
    }

    private Optional<Val> skip(List<Val> a, boolean blocking) {
        InStream s = r.objects.get(a.get(0), InStream.class);
        try {
            byte[] b = s.read(Vals.length(Vals.u64(a.get(1))), blocking);
            return b == null ? Vals.err(Val.variant("closed")) : Vals.ok(Val.u64(b.length));
        } catch (IOException e) {
            return Vals.err(streamError(e));
        }
    }

    private Optional<Val> write(Val stream, byte[] bytes, boolean flush) {
        OutStream s = r.objects.get(stream, OutStream.class);
        try {
            s.write(bytes);
            if (flush) {
                s.flush();
            }
            return Vals.ok();
        } catch (IOException e) {
            return Vals.err(streamError(e));
        }
    }

    private Optional<Val> flush(Val stream) {
        try {
            r.objects.get(stream, OutStream.class).flush();
            return Vals.ok();
        } catch (IOException e) {
            return Vals.err(streamError(e));
        }
    }

    private Optional<Val> splice(List<Val> a, boolean blocking) {
        OutStream out = r.objects.get(a.get(0), OutStream.class);
        InStream in = r.objects.get(a.get(1), InStream.class);
        try {
            byte[] b = in.read(Vals.length(Math.min(Vals.u64(a.get(2)), OutStream.BUDGET)), blocking);
            if (b == null) {
                return Vals.err(Val.variant("closed"));
            }
            out.write(b);
            return Vals.ok(Val.u64(b.length));
        } catch (IOException e) {
            return Vals.err(streamError(e));
        }
    }
}
