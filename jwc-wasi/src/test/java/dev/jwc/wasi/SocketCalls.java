package dev.jwc.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.types.Val;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Calls the WASI host functions as a guest would, with WIT values, for the socket tests. */
final class SocketCalls {
    private final HostRegistry registry;

    SocketCalls(boolean network, boolean nameLookup) {
        WasiConfig config = new WasiConfig(List.of(), Map.of(), List.of(), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new ByteArrayOutputStream(), network, nameLookup);
        this.registry = new WasiHost(config).registry();
    }

    /** Calls {@code function} of interface {@code iface} (e.g. {@code tcp}, {@code io/streams}). */
    Val call(String iface, String function, Val... args) {
        String qualified = iface.contains("/") ? "wasi:" + iface : "wasi:sockets/" + iface;
        var f = registry.function(qualified, function);
        assertThat(f).as(qualified + "#" + function).isNotNull();
        Optional<Val> result = f.call(Arrays.asList(args));
        return result.orElse(null);
    }

    Val tcp(String method, Val self, Val... args) {
        return call("tcp", "[method]tcp-socket." + method, prepend(self, args));
    }

    Val udp(String method, Val self, Val... args) {
        return call("udp", "[method]udp-socket." + method, prepend(self, args));
    }

    Val network() {
        return call("instance-network", "instance-network");
    }

    Val newTcp(String family) {
        return ok(call("tcp-create-socket", "create-tcp-socket", Val.enumCase(family)));
    }

    Val newUdp(String family) {
        return ok(call("udp-create-socket", "create-udp-socket", Val.enumCase(family)));
    }

    void block(Val pollable) {
        call("io/poll", "[method]pollable.block", pollable);
    }

    void drop(Val handle) {
        registry.objects.drop(((dev.jwc.runtime.Resource) ((Val.Own) handle).handle()).rep());
    }

    void writeAll(Val output, String text) {
        ok(call("io/streams", "[method]output-stream.blocking-write-and-flush", output,
                Vals.bytes(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Reads until {@code expected.length()} bytes arrived or the stream closed. */
    String readAtLeast(Val input, int bytes) {
        StringBuilder text = new StringBuilder();
        while (text.length() < bytes) {
            Val.Result r = (Val.Result) call("io/streams", "[method]input-stream.blocking-read", input, Val.u64(bytes));
            if (!r.isOk()) {
                break;
            }
            text.append(new String(Vals.bytes(r.payload().orElseThrow()), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    static Val ok(Val result) {
        Val.Result r = (Val.Result) result;
        assertThat(r.isOk()).as("expected ok, got %s", result).isTrue();
        return r.payload().orElse(null);
    }

    /** The error-code of a failed call. */
    static String err(Val result) {
        Val.Result r = (Val.Result) result;
        assertThat(r.isOk()).as("expected an error, got %s", result).isFalse();
        return ((Val.Enum) r.payload().orElseThrow()).name();
    }

    static Val ipv4(int a, int b, int c, int d, int port) {
        return Val.variant("ipv4", Val.record(Val.field("port", Val.u16(port)),
                Val.field("address", Val.tuple(Val.u8(a), Val.u8(b), Val.u8(c), Val.u8(d)))));
    }

    static Val ipv6(int port, int... segments) {
        List<Val> s = new ArrayList<>();
        for (int x : segments) {
            s.add(Val.u16(x));
        }
        return Val.variant("ipv6", Val.record(Val.field("port", Val.u16(port)), Val.field("flow-info", Val.u32(0)),
                Val.field("address", new Val.Tuple(s)), Val.field("scope-id", Val.u32(0))));
    }

    static int port(Val socketAddress) {
        Val.Record r = (Val.Record) ((Val.Variant) socketAddress).payload().orElseThrow();
        return ((Val.U16) r.get("port").orElseThrow()).value();
    }

    static Val element(Val tuple, int i) {
        return ((Val.Tuple) tuple).elements().get(i);
    }

    private static Val[] prepend(Val first, Val... rest) {
        Val[] all = new Val[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
