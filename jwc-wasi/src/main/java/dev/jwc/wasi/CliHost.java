package dev.jwc.wasi;

import dev.jwc.types.Val;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** {@code wasi:cli} (environment, exit, stdio, terminals), {@code wasi:clocks} and {@code wasi:random}. */
final class CliHost {
    private final HostRegistry r;
    private final IoHost io;
    private final WasiConfig config;
    private final StdinPump stdin;
    private final SecureRandom secure = new SecureRandom();
    private final Random insecure = new Random();

    CliHost(HostRegistry r, IoHost io, WasiConfig config) {
        this.r = r;
        this.io = io;
        this.config = config;
        this.stdin = new StdinPump(config.stdin());
    }

    /** Guest output goes straight through: written and flushed as the guest writes. */
    private record Passthrough(OutputStream out) implements OutStream {
        @Override
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    void register() {
        r.define("wasi:cli/environment", "get-environment", a -> Optional.of(new Val.List(config.env().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> Val.tuple(Val.string(e.getKey()), Val.string(e.getValue()))).toList())));
        r.define("wasi:cli/environment", "get-arguments",
                a -> Optional.of(new Val.List(config.args().stream().map(Val::string).toList())));
        r.define("wasi:cli/environment", "initial-cwd", a -> Optional.of(Val.none()));
        r.define("wasi:cli/exit", "exit", a -> {
            throw new WasiExit(((Val.Result) a.get(0)).isOk() ? 0 : 1);
        });
        r.define("wasi:cli/exit", "exit-with-code", a -> {
            throw new WasiExit(Vals.u8(a.get(0)));
        });
        var inputStream = r.resource("wasi:io/streams", "input-stream");
        var outputStream = r.resource("wasi:io/streams", "output-stream");
        r.define("wasi:cli/stdin", "get-stdin", a -> Optional.of(r.objects.own(inputStream, stdin)));
        r.define("wasi:cli/stdout", "get-stdout", a -> Optional.of(r.objects.own(outputStream, new Passthrough(config.stdout()))));
        r.define("wasi:cli/stderr", "get-stderr", a -> Optional.of(r.objects.own(outputStream, new Passthrough(config.stderr()))));
        // The guest's stdio is never a terminal the host would hand over: reported as not a terminal.
        for (String which : List.of("stdin", "stdout", "stderr")) {
            r.define("wasi:cli/terminal-" + which, "get-terminal-" + which, a -> Optional.of(Val.none()));
        }
        registerClocks();
        registerRandom();
    }

    private void registerClocks() {
        String mono = "wasi:clocks/monotonic-clock";
        r.define(mono, "now", a -> Optional.of(Val.u64(System.nanoTime())));
        r.define(mono, "resolution", a -> Optional.of(Val.u64(1)));
        r.define(mono, "subscribe-instant", a -> Optional.of(io.pollable(Pollable.at(Vals.u64(a.get(0))))));
        r.define(mono, "subscribe-duration", a -> {
            long d = Vals.u64(a.get(0));
            long now = System.nanoTime();
            return Optional.of(io.pollable(Pollable.at(d < 0 || now + d < now ? Long.MAX_VALUE : now + d)));
        });
        String wall = "wasi:clocks/wall-clock";
        r.define(wall, "now", a -> {
            Instant now = Instant.now();
            return Optional.of(Vals.datetime(now.getEpochSecond(), now.getNano()));
        });
        r.define(wall, "resolution", a -> Optional.of(Vals.datetime(0, 1000)));
        String timezone = "wasi:clocks/timezone";
        r.define(timezone, "utc-offset", a -> Optional.of(Val.s32(offsetSeconds(instant(a.get(0))))));
        r.define(timezone, "display", a -> {
            Instant when = instant(a.get(0));
            ZoneId zone = ZoneId.systemDefault();
            boolean summer = zone.getRules().isDaylightSavings(when);
            return Optional.of(Val.record(Val.field("utc-offset", Val.s32(offsetSeconds(when))),
                    Val.field("name", Val.string(zone.getDisplayName(TextStyle.SHORT, Locale.ROOT))),
                    Val.field("in-daylight-saving-time", Val.bool(summer))));
        });
    }

    /** A WASI {@code datetime} as an instant. */
    private static Instant instant(Val datetime) {
        Val.Record r = (Val.Record) datetime;
        return Instant.ofEpochSecond(Vals.u64(r.fields().get(0).value()), Vals.u32(r.fields().get(1).value()));
    }

    /** The host time zone's offset from UTC at {@code when}, in seconds. */
    private static int offsetSeconds(Instant when) {
        return ZoneId.systemDefault().getRules().getOffset(when).getTotalSeconds();
    }

    private void registerRandom() {
        r.define("wasi:random/random", "get-random-bytes", a -> Optional.of(Vals.bytes(random(secure, a.get(0)))));
        r.define("wasi:random/random", "get-random-u64", a -> Optional.of(Val.u64(secure.nextLong())));
        r.define("wasi:random/insecure", "get-insecure-random-bytes", a -> Optional.of(Vals.bytes(random(insecure, a.get(0)))));
        r.define("wasi:random/insecure", "get-insecure-random-u64", a -> Optional.of(Val.u64(insecure.nextLong())));
        r.define("wasi:random/insecure-seed", "insecure-seed",
                a -> Optional.of(Val.tuple(Val.u64(insecure.nextLong()), Val.u64(insecure.nextLong()))));
    }

    private static byte[] random(Random source, Val len) {
        byte[] b = new byte[Vals.length(Vals.u64(len))];
        source.nextBytes(b);
        return b;
    }
}
