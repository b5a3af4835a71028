package dev.jwc.wasi;

import static dev.jwc.wasi.SocketCalls.err;
import static dev.jwc.wasi.SocketCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.types.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code wasi:sockets/ip-name-lookup}: literals at once, names in the background, bad names refused. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NameLookupTest {
    private final SocketCalls g = new SocketCalls(false, true);

    private List<Val> resolve(String name) {
        Val stream = ok(g.call("ip-name-lookup", "resolve-addresses", g.network(), Val.string(name)));
        g.block(g.call("ip-name-lookup", "[method]resolve-address-stream.subscribe", stream));
        List<Val> out = new ArrayList<>();
        while (true) {
            Val next = ok(g.call("ip-name-lookup", "[method]resolve-address-stream.resolve-next-address", stream));
            if (next instanceof Val.Option(var value) && value.isPresent()) {
                out.add(value.get());
            } else {
                return out;
            }
        }
    }

    @Test
    void literalsResolveToThemselves() {
        assertThat(resolve("127.0.0.1")).containsExactly(
                Val.variant("ipv4", Val.tuple(Val.u8(127), Val.u8(0), Val.u8(0), Val.u8(1))));
        assertThat(resolve("[::1]")).containsExactly(Val.variant("ipv6",
                Val.tuple(Val.u16(0), Val.u16(0), Val.u16(0), Val.u16(0), Val.u16(0), Val.u16(0), Val.u16(0), Val.u16(1))));
    }

    @Test
    void localhostResolvesToALoopbackAddress() {
        assertThat(resolve("localhost")).isNotEmpty();
    }

    @Test
    void malformedNamesAreInvalidArguments() {
        for (String name : List.of("", "a b", "host/path", "1:2:3:zz::1", "user@host")) {
            assertThat(err(g.call("ip-name-lookup", "resolve-addresses", g.network(), Val.string(name))))
                    .as(name).isEqualTo("invalid-argument");
        }
    }

    @Test
    void anUnknownNameIsUnresolvable() {
        Val stream = ok(g.call("ip-name-lookup", "resolve-addresses", g.network(), Val.string("no-such-host.invalid")));
        g.block(g.call("ip-name-lookup", "[method]resolve-address-stream.subscribe", stream));
        String code = err(g.call("ip-name-lookup", "[method]resolve-address-stream.resolve-next-address", stream));
        assertThat(code).isIn("name-unresolvable", "temporary-resolver-failure");
    }
}
