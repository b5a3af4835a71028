package dev.jwc.wasi;

import static dev.jwc.wasi.SocketCalls.err;
import static dev.jwc.wasi.SocketCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.types.Val;
import org.junit.jupiter.api.Test;

/** The network is denied by default: every socket and lookup call fails with {@code access-denied}. */
class SocketAccessTest {

    @Test
    void withoutAGrantNothingTouchesTheNetwork() {
        SocketCalls g = new SocketCalls(false, false);
        assertThat(err(g.call("tcp-create-socket", "create-tcp-socket", Val.enumCase("ipv4")))).isEqualTo("access-denied");
        assertThat(err(g.call("tcp-create-socket", "create-tcp-socket", Val.enumCase("ipv6")))).isEqualTo("access-denied");
        assertThat(err(g.call("udp-create-socket", "create-udp-socket", Val.enumCase("ipv4")))).isEqualTo("access-denied");
        assertThat(err(g.call("ip-name-lookup", "resolve-addresses", g.network(), Val.string("localhost"))))
                .isEqualTo("access-denied");
        assertThat(err(g.call("ip-name-lookup", "resolve-addresses", g.network(), Val.string("127.0.0.1"))))
                .isEqualTo("access-denied");
    }

    @Test
    void socketsAndLookupsAreGrantedSeparately() {
        SocketCalls socketsOnly = new SocketCalls(true, false);
        ok(socketsOnly.call("tcp-create-socket", "create-tcp-socket", Val.enumCase("ipv4")));
        assertThat(err(socketsOnly.call("ip-name-lookup", "resolve-addresses", socketsOnly.network(),
                Val.string("127.0.0.1")))).isEqualTo("access-denied");

        SocketCalls lookupOnly = new SocketCalls(false, true);
        ok(lookupOnly.call("ip-name-lookup", "resolve-addresses", lookupOnly.network(), Val.string("127.0.0.1")));
        assertThat(err(lookupOnly.call("udp-create-socket", "create-udp-socket", Val.enumCase("ipv6"))))
                .isEqualTo("access-denied");
    }
}
