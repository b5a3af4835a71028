package dev.jwc.wasi;

import static dev.jwc.wasi.SocketCalls.element;
import static dev.jwc.wasi.SocketCalls.err;
import static dev.jwc.wasi.SocketCalls.ipv4;
import static dev.jwc.wasi.SocketCalls.ipv6;
import static dev.jwc.wasi.SocketCalls.ok;
import static dev.jwc.wasi.SocketCalls.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.runtime.Trap;
import dev.jwc.types.Val;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code wasi:sockets/udp} on loopback: bind, stream with and without a peer, datagrams both ways. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UdpSocketTest {
    private final SocketCalls g = new SocketCalls(true, false);

    private Val bound(String family, Val address) {
        Val s = g.newUdp(family);
        ok(g.udp("start-bind", s, g.network(), address));
        ok(g.udp("finish-bind", s));
        return s;
    }

    private static Val datagram(String text, Val to) {
        return Val.record(Val.field("data", Vals.bytes(text.getBytes(StandardCharsets.UTF_8))),
                Val.field("remote-address", to == null ? Val.none() : Val.some(to)));
    }

    private long send(Val outgoing, Val... datagrams) {
        ok(g.call("udp", "[method]outgoing-datagram-stream.check-send", outgoing));
        return ((Val.U64) ok(g.call("udp", "[method]outgoing-datagram-stream.send", outgoing,
                new Val.List(List.of(datagrams))))).value();
    }

    private List<Val> receive(Val incoming, int max) {
        g.block(g.call("udp", "[method]incoming-datagram-stream.subscribe", incoming));
        return Vals.list(ok(g.call("udp", "[method]incoming-datagram-stream.receive", incoming, Val.u64(max))));
    }

    private static String text(Val incomingDatagram) {
        return new String(Vals.bytes(((Val.Record) incomingDatagram).get("data").orElseThrow()), StandardCharsets.UTF_8);
    }

    @Test
    void exchangesDatagramsBetweenTwoSockets() {
        Val a = bound("ipv4", ipv4(127, 0, 0, 1, 0));
        Val b = bound("ipv4", ipv4(127, 0, 0, 1, 0));
        int portA = port(ok(g.udp("local-address", a)));
        int portB = port(ok(g.udp("local-address", b)));
        Val streamsA = ok(g.udp("stream", a, Val.none()));
        Val streamsB = ok(g.udp("stream", b, Val.some(ipv4(127, 0, 0, 1, portA))));
        assertThat(port(ok(g.udp("remote-address", b)))).isEqualTo(portA);
        assertThat(err(g.udp("remote-address", a))).isEqualTo("invalid-state");

        assertThat(send(element(streamsA, 1), datagram("one", ipv4(127, 0, 0, 1, portB)),
                datagram("two", ipv4(127, 0, 0, 1, portB)))).isEqualTo(2);
        List<Val> got = receive(element(streamsB, 0), 10);
        while (got.size() < 2) {
            got = new java.util.ArrayList<>(got);
            got.addAll(receive(element(streamsB, 0), 10));
        }
        assertThat(got).extracting(UdpSocketTest::text).containsExactly("one", "two");
        assertThat(port(((Val.Record) got.get(0)).get("remote-address").orElseThrow())).isEqualTo(portA);

        assertThat(send(element(streamsB, 1), datagram("back", null))).isEqualTo(1);
        List<Val> back = receive(element(streamsA, 0), 1);
        assertThat(back).extracting(UdpSocketTest::text).containsExactly("back");
        assertThat(port(((Val.Record) back.get(0)).get("remote-address").orElseThrow())).isEqualTo(portB);
    }

    @Test
    void talksToAJavaDatagramSocketOverIpv6() throws Exception {
        try (DatagramSocket java = new DatagramSocket(0, InetAddress.getByName("::1"))) {
            Val s = bound("ipv6", ipv6(0, 0, 0, 0, 0, 0, 0, 0, 1));
            Val streams = ok(g.udp("stream", s, Val.some(ipv6(java.getLocalPort(), 0, 0, 0, 0, 0, 0, 0, 1))));
            assertThat(send(element(streams, 1), datagram("hi java", null))).isEqualTo(1);
            DatagramPacket packet = new DatagramPacket(new byte[100], 100);
            java.receive(packet);
            assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)).isEqualTo("hi java");
            java.send(new DatagramPacket("hi wasi".getBytes(StandardCharsets.UTF_8), 7, packet.getSocketAddress()));
            assertThat(receive(element(streams, 0), 5)).extracting(UdpSocketTest::text).containsExactly("hi wasi");
        }
    }

    @Test
    void checksStatesAddressesAndPermits() {
        Val s = g.newUdp("ipv4");
        assertThat(err(g.udp("stream", s, Val.none()))).isEqualTo("invalid-state");
        assertThat(err(g.udp("local-address", s))).isEqualTo("invalid-state");
        assertThat(err(g.udp("finish-bind", s))).isEqualTo("not-in-progress");
        assertThat(err(g.udp("start-bind", s, g.network(), ipv6(0, 0, 0, 0, 0, 0, 0, 0, 1)))).isEqualTo("invalid-argument");
        ok(g.udp("start-bind", s, g.network(), ipv4(127, 0, 0, 1, 0)));
        ok(g.udp("finish-bind", s));
        assertThat(err(g.udp("start-bind", s, g.network(), ipv4(127, 0, 0, 1, 0)))).isEqualTo("invalid-state");
        assertThat(err(g.udp("stream", s, Val.some(ipv4(127, 0, 0, 1, 0))))).isEqualTo("invalid-argument");
        assertThat(err(g.udp("stream", s, Val.some(ipv4(0, 0, 0, 0, 9))))).isEqualTo("invalid-argument");
        assertThat(err(g.udp("set-unicast-hop-limit", s, Val.u8(0)))).isEqualTo("invalid-argument");
        assertThat(err(g.udp("unicast-hop-limit", s))).isEqualTo("not-supported");
        ok(g.udp("set-receive-buffer-size", s, Val.u64(32768)));
        assertThat(ok(g.udp("receive-buffer-size", s))).isEqualTo(Val.u64(32768));

        Val first = ok(g.udp("stream", s, Val.none()));
        Val outgoing = element(first, 1);
        ok(g.call("udp", "[method]outgoing-datagram-stream.check-send", outgoing));
        assertThat(err(g.call("udp", "[method]outgoing-datagram-stream.send", outgoing,
                new Val.List(List.of(datagram("x", null)))))).isEqualTo("invalid-argument");
        // each send needs a fresh check-send
        assertThatThrownBy(() -> g.call("udp", "[method]outgoing-datagram-stream.send", outgoing,
                new Val.List(List.of(datagram("x", ipv4(127, 0, 0, 1, 9)))))).isInstanceOf(Trap.class);
        assertThat(ok(g.call("udp", "[method]incoming-datagram-stream.receive", element(first, 0), Val.u64(0))))
                .isEqualTo(new Val.List(List.of()));

        Val second = ok(g.udp("stream", s, Val.none()));
        assertThat(err(g.call("udp", "[method]outgoing-datagram-stream.check-send", outgoing))).isEqualTo("invalid-state");
        ok(g.call("udp", "[method]outgoing-datagram-stream.check-send", element(second, 1)));
    }
}
