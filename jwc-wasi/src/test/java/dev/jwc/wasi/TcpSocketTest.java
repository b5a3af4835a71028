package dev.jwc.wasi;

import static dev.jwc.wasi.SocketCalls.element;
import static dev.jwc.wasi.SocketCalls.err;
import static dev.jwc.wasi.SocketCalls.ipv4;
import static dev.jwc.wasi.SocketCalls.ipv6;
import static dev.jwc.wasi.SocketCalls.ok;
import static dev.jwc.wasi.SocketCalls.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.types.Val;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code wasi:sockets/tcp} on loopback through the host functions: connect, listen, states, options. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TcpSocketTest {
    private final SocketCalls g = new SocketCalls(true, false);

    /** A Java server that echoes one connection until the client stops sending. */
    private static CompletableFuture<Void> echoOnce(ServerSocket server) {
        return CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private Val connect(Val socket, Val address) {
        ok(g.tcp("start-connect", socket, g.network(), address));
        Val pollable = g.tcp("subscribe", socket);
        g.block(pollable);
        return ok(g.tcp("finish-connect", socket));
    }

    @Test
    void connectsToAJavaServerAndEchoes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> echo = echoOnce(server);
            Val socket = g.newTcp("ipv4");
            Val streams = connect(socket, ipv4(127, 0, 0, 1, server.getLocalPort()));
            g.writeAll(element(streams, 1), "hello, sockets");
            assertThat(g.readAtLeast(element(streams, 0), 14)).isEqualTo("hello, sockets");
            assertThat(port(ok(g.tcp("remote-address", socket)))).isEqualTo(server.getLocalPort());
            assertThat(port(ok(g.tcp("local-address", socket)))).isPositive();
            ok(g.tcp("shutdown", socket, Val.enumCase("send")));
            echo.get(10, TimeUnit.SECONDS);
            Val.Result end = (Val.Result) g.call("io/streams", "[method]input-stream.blocking-read",
                    element(streams, 0), Val.u64(10));
            assertThat(end).isEqualTo(Val.err(Val.variant("closed")));
            Val afterShutdown = g.call("io/streams", "[method]output-stream.check-write", element(streams, 1));
            assertThat(afterShutdown).isEqualTo(Val.err(Val.variant("closed")));
            g.drop(element(streams, 0));
            g.drop(element(streams, 1));
            g.drop(socket);
        }
    }

    @Test
    void connectsOverIpv6Loopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            CompletableFuture<Void> echo = echoOnce(server);
            Val socket = g.newTcp("ipv6");
            Val streams = connect(socket, ipv6(server.getLocalPort(), 0, 0, 0, 0, 0, 0, 0, 1));
            g.writeAll(element(streams, 1), "v6");
            assertThat(g.readAtLeast(element(streams, 0), 2)).isEqualTo("v6");
            assertThat(((Val.Variant) ok(g.tcp("local-address", socket))).name()).isEqualTo("ipv6");
            assertThat(g.tcp("address-family", socket)).isEqualTo(Val.enumCase("ipv6"));
            g.drop(socket);
            g.drop(element(streams, 1));
            g.drop(element(streams, 0));
            echo.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void listensAndAcceptsAJavaClient() throws Exception {
        Val listener = g.newTcp("ipv4");
        ok(g.tcp("set-keep-alive-enabled", listener, Val.bool(true)));
        ok(g.tcp("start-bind", listener, g.network(), ipv4(127, 0, 0, 1, 0)));
        ok(g.tcp("finish-bind", listener));
        int port = port(ok(g.tcp("local-address", listener)));
        assertThat(g.tcp("is-listening", listener)).isEqualTo(Val.bool(false));
        ok(g.tcp("start-listen", listener));
        ok(g.tcp("finish-listen", listener));
        assertThat(g.tcp("is-listening", listener)).isEqualTo(Val.bool(true));
        assertThat(port(ok(g.tcp("local-address", listener)))).isEqualTo(port);
        assertThat(err(g.tcp("accept", listener))).isEqualTo("would-block");
        assertThat(ok(g.tcp("keep-alive-enabled", listener))).isEqualTo(Val.bool(true));

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write("from java".getBytes(StandardCharsets.UTF_8));
            g.block(g.tcp("subscribe", listener));
            Val accepted = ok(g.tcp("accept", listener));
            Val peer = element(accepted, 0);
            assertThat(g.readAtLeast(element(accepted, 1), 9)).isEqualTo("from java");
            g.writeAll(element(accepted, 2), "from wasi");
            byte[] reply = client.getInputStream().readNBytes(9);
            assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("from wasi");
            assertThat(port(ok(g.tcp("remote-address", peer)))).isEqualTo(client.getLocalPort());
            assertThat(ok(g.tcp("keep-alive-enabled", peer))).isEqualTo(Val.bool(true));
            assertThat(g.tcp("is-listening", peer)).isEqualTo(Val.bool(false));
        }
    }

    @Test
    void connectsToItselfInOneThread() {
        Val listener = g.newTcp("ipv4");
        ok(g.tcp("start-bind", listener, g.network(), ipv4(127, 0, 0, 1, 0)));
        ok(g.tcp("finish-bind", listener));
        ok(g.tcp("start-listen", listener));
        ok(g.tcp("finish-listen", listener));
        Val client = g.newTcp("ipv4");
        Val clientStreams = connect(client, ipv4(127, 0, 0, 1, port(ok(g.tcp("local-address", listener)))));
        g.block(g.tcp("subscribe", listener));
        Val accepted = ok(g.tcp("accept", listener));
        g.writeAll(element(clientStreams, 1), "ping");
        assertThat(g.readAtLeast(element(accepted, 1), 4)).isEqualTo("ping");
        g.writeAll(element(accepted, 2), "pong");
        assertThat(g.readAtLeast(element(clientStreams, 0), 4)).isEqualTo("pong");
        Val readable = g.call("io/streams", "[method]input-stream.subscribe", element(clientStreams, 0));
        assertThat(g.call("io/poll", "[method]pollable.ready", readable)).isEqualTo(Val.bool(false));
    }

    /** Both ends of a loopback connection made by the host: socket, input and output of each. */
    private record Pair(Val listener, Val client, Val clientIn, Val clientOut, Val server, Val serverIn,
                        Val serverOut) {
    }

    private Pair pair(String family) {
        Val listener = g.newTcp(family);
        Val loopback = family.equals("ipv4") ? ipv4(127, 0, 0, 1, 0) : ipv6(0, 0, 0, 0, 0, 0, 0, 0, 1);
        ok(g.tcp("start-bind", listener, g.network(), loopback));
        ok(g.tcp("finish-bind", listener));
        ok(g.tcp("start-listen", listener));
        ok(g.tcp("finish-listen", listener));
        Val client = g.newTcp(family);
        Val clientStreams = connect(client, ok(g.tcp("local-address", listener)));
        g.block(g.tcp("subscribe", listener));
        Val accepted = ok(g.tcp("accept", listener));
        return new Pair(listener, client, element(clientStreams, 0), element(clientStreams, 1),
                element(accepted, 0), element(accepted, 1), element(accepted, 2));
    }

    private Val read(Val input, long len) {
        return g.call("io/streams", "[method]input-stream.read", input, Val.u64(len));
    }

    @Test
    void aRemoteShutdownClosesTheInputStream() {
        for (String family : new String[] {"ipv4", "ipv6"}) {
            Pair p = pair(family);
            ok(g.tcp("shutdown", p.server(), Val.enumCase("both")));
            g.drop(p.serverIn());
            g.drop(p.serverOut());
            g.drop(p.server());
            g.block(g.call("io/streams", "[method]input-stream.subscribe", p.clientIn()));
            assertThat(read(p.clientIn(), 10)).isEqualTo(Val.err(Val.variant("closed")));
            assertThat(read(p.clientIn(), 0)).isEqualTo(Val.err(Val.variant("closed")));
        }
    }

    @Test
    void aZeroLengthReadSeesTheEndWithoutLosingData() {
        Pair p = pair("ipv4");
        g.writeAll(p.serverOut(), "x");
        ok(g.tcp("shutdown", p.server(), Val.enumCase("send")));
        g.block(g.call("io/streams", "[method]input-stream.subscribe", p.clientIn()));
        assertThat(read(p.clientIn(), 0)).isEqualTo(Val.ok(new Val.List(java.util.List.of())));
        assertThat(g.readAtLeast(p.clientIn(), 1)).isEqualTo("x");
        g.block(g.call("io/streams", "[method]input-stream.subscribe", p.clientIn()));
        assertThat(read(p.clientIn(), 0)).isEqualTo(Val.err(Val.variant("closed")));
    }

    @Test
    void aLocalReceiveShutdownClosesTheInputStreamEvenWithDataWaiting() {
        Pair p = pair("ipv4");
        g.writeAll(p.serverOut(), "Lorem ipsum dolor sit amet");
        g.block(g.call("io/streams", "[method]input-stream.subscribe", p.clientIn()));
        ok(g.tcp("shutdown", p.client(), Val.enumCase("receive")));
        assertThat(read(p.clientIn(), 10)).isEqualTo(Val.err(Val.variant("closed")));
        assertThat(read(p.clientIn(), 0)).isEqualTo(Val.err(Val.variant("closed")));
    }

    @Test
    void aSendShutdownClosesTheOutputStream() {
        Pair p = pair("ipv6");
        ok(g.tcp("shutdown", p.client(), Val.enumCase("send")));
        Val closed = Val.err(Val.variant("closed"));
        assertThat(g.call("io/streams", "[method]output-stream.write", p.clientOut(), Vals.bytes(new byte[3])))
                .isEqualTo(closed);
        assertThat(g.call("io/streams", "[method]output-stream.check-write", p.clientOut())).isEqualTo(closed);
        assertThat(g.call("io/streams", "[method]output-stream.flush", p.clientOut())).isEqualTo(closed);
        ok(g.tcp("shutdown", p.client(), Val.enumCase("send")));
    }

    @Test
    void aShutdownDoesNotLoseDataStillPending() {
        Pair p = pair("ipv4");
        ok(g.tcp("set-send-buffer-size", p.client(), Val.u64(1024)));
        int size = 1 << 20;
        ok(g.call("io/streams", "[method]output-stream.write", p.clientOut(), Vals.bytes(new byte[size])));
        assertThat(g.call("io/streams", "[method]output-stream.check-write", p.clientOut()))
                .as("the socket cannot have taken 1 MiB at once").isEqualTo(Val.ok(Val.u64(0)));
        ok(g.tcp("shutdown", p.client(), Val.enumCase("send")));
        long received = 0;
        while (true) {
            Val.Result r = (Val.Result) g.call("io/streams", "[method]input-stream.blocking-read", p.serverIn(),
                    Val.u64(1 << 16));
            if (!r.isOk()) {
                break;
            }
            received += Vals.list(r.payload().orElseThrow()).size();
        }
        assertThat(received).isEqualTo(size);
    }

    @Test
    void followsTheStateMachine() {
        Val s = g.newTcp("ipv4");
        assertThat(err(g.tcp("finish-bind", s))).isEqualTo("not-in-progress");
        assertThat(err(g.tcp("finish-connect", s))).isEqualTo("not-in-progress");
        assertThat(err(g.tcp("finish-listen", s))).isEqualTo("not-in-progress");
        assertThat(err(g.tcp("start-listen", s))).isEqualTo("invalid-state");
        assertThat(err(g.tcp("local-address", s))).isEqualTo("invalid-state");
        assertThat(err(g.tcp("remote-address", s))).isEqualTo("invalid-state");
        assertThat(err(g.tcp("accept", s))).isEqualTo("invalid-state");
        assertThat(err(g.tcp("shutdown", s, Val.enumCase("both")))).isEqualTo("invalid-state");
        assertThat(err(g.tcp("start-bind", s, g.network(), ipv6(0, 0, 0, 0, 0, 0, 0, 0, 1)))).isEqualTo("invalid-argument");
        assertThat(err(g.tcp("start-bind", s, g.network(), ipv4(224, 0, 0, 1, 0)))).isEqualTo("invalid-argument");
        ok(g.tcp("start-bind", s, g.network(), ipv4(127, 0, 0, 1, 0)));
        assertThat(err(g.tcp("local-address", s))).isEqualTo("invalid-state");
        assertThat(err(g.tcp("start-bind", s, g.network(), ipv4(127, 0, 0, 1, 0)))).isEqualTo("invalid-state");
        ok(g.tcp("finish-bind", s));
        assertThat(err(g.tcp("finish-bind", s))).isEqualTo("not-in-progress");
        assertThat(err(g.tcp("start-connect", s, g.network(), ipv4(127, 0, 0, 1, 0)))).isEqualTo("invalid-argument");
        assertThat(err(g.tcp("start-connect", s, g.network(), ipv4(0, 0, 0, 0, 80)))).isEqualTo("invalid-argument");
        assertThat(err(g.tcp("start-connect", s, g.network(), ipv4(255, 255, 255, 255, 80)))).isEqualTo("invalid-argument");

        Val v6 = g.newTcp("ipv6");
        Val mapped = ipv6(80, 0, 0, 0, 0, 0, 0xffff, 0x7f00, 1);
        assertThat(err(g.tcp("start-connect", v6, g.network(), mapped))).isEqualTo("invalid-argument");
        assertThat(err(g.tcp("start-bind", v6, g.network(), ipv4(127, 0, 0, 1, 0)))).isEqualTo("invalid-argument");
    }

    @Test
    void listeningAndConnectedSocketsRefuseWhatTheirStateForbids() {
        for (String family : new String[] {"ipv4", "ipv6"}) {
            Pair p = pair(family);
            Val address = ok(g.tcp("local-address", p.listener()));
            assertThat(err(g.tcp("start-bind", p.listener(), g.network(), address))).isEqualTo("invalid-state");
            assertThat(err(g.tcp("start-connect", p.listener(), g.network(), address))).isEqualTo("invalid-state");
            assertThat(err(g.tcp("start-listen", p.listener()))).isEqualTo("invalid-state");
            assertThat(err(g.tcp("finish-listen", p.listener()))).isEqualTo("not-in-progress");
            assertThat(err(g.tcp("shutdown", p.listener(), Val.enumCase("both")))).isEqualTo("invalid-state");
            assertThat(err(g.tcp("remote-address", p.listener()))).isEqualTo("invalid-state");
            ok(g.tcp("set-keep-alive-enabled", p.listener(), Val.bool(false)));
            ok(g.tcp("set-receive-buffer-size", p.listener(), Val.u64(16000)));
            for (Val s : new Val[] {p.client(), p.server()}) {
                assertThat(err(g.tcp("start-bind", s, g.network(), address))).isEqualTo("invalid-state");
                assertThat(err(g.tcp("finish-bind", s))).isEqualTo("not-in-progress");
                assertThat(err(g.tcp("start-connect", s, g.network(), address))).isEqualTo("invalid-state");
                assertThat(err(g.tcp("finish-connect", s))).isEqualTo("not-in-progress");
                assertThat(err(g.tcp("start-listen", s))).isEqualTo("invalid-state");
                assertThat(err(g.tcp("finish-listen", s))).isEqualTo("not-in-progress");
                assertThat(err(g.tcp("accept", s))).isEqualTo("invalid-state");
                assertThat(err(g.tcp("set-listen-backlog-size", s, Val.u64(32)))).isEqualTo("invalid-state");
                ok(g.tcp("remote-address", s));
                ok(g.tcp("set-keep-alive-enabled", s, Val.bool(false)));
                ok(g.tcp("set-receive-buffer-size", s, Val.u64(16000)));
                ok(g.tcp("set-send-buffer-size", s, Val.u64(16000)));
                assertThat(g.tcp("address-family", s)).isEqualTo(Val.enumCase(family));
            }
        }
    }

    @Test
    void aRefusedConnectionClosesTheSocket() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Val s = g.newTcp("ipv4");
        ok(g.tcp("start-connect", s, g.network(), ipv4(127, 0, 0, 1, closedPort)));
        assertThat(err(g.tcp("start-connect", s, g.network(), ipv4(127, 0, 0, 1, closedPort))))
                .isEqualTo("concurrency-conflict");
        g.block(g.tcp("subscribe", s));
        assertThat(err(g.tcp("finish-connect", s))).isEqualTo("connection-refused");
        assertThat(err(g.tcp("start-connect", s, g.network(), ipv4(127, 0, 0, 1, closedPort)))).isEqualTo("invalid-state");
        assertThat(err(g.tcp("keep-alive-enabled", s))).isEqualTo("invalid-state");
    }

    @Test
    void aResetBecomesAStreamErrorWithItsNetworkCode() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Val socket = g.newTcp("ipv4");
            Val streams = connect(socket, ipv4(127, 0, 0, 1, server.getLocalPort()));
            try (Socket s = server.accept()) {
                s.setSoLinger(true, 0);
            }
            Val.Result read = (Val.Result) g.call("io/streams", "[method]input-stream.blocking-read",
                    element(streams, 0), Val.u64(10));
            Val.Variant failure = (Val.Variant) read.payload().orElseThrow();
            assertThat(failure.name()).isEqualTo("last-operation-failed");
            Val code = g.call("network", "network-error-code", failure.payload().orElseThrow());
            assertThat(code).isEqualTo(Val.some(Val.enumCase("connection-reset")));
        }
    }

    @Test
    void optionsAreSetReadAndValidated() {
        Val s = g.newTcp("ipv4");
        ok(g.tcp("set-keep-alive-enabled", s, Val.bool(true)));
        assertThat(ok(g.tcp("keep-alive-enabled", s))).isEqualTo(Val.bool(true));
        ok(g.tcp("set-keep-alive-idle-time", s, Val.u64(30_000_000_000L)));
        assertThat(ok(g.tcp("keep-alive-idle-time", s))).isEqualTo(Val.u64(30_000_000_000L));
        ok(g.tcp("set-keep-alive-interval", s, Val.u64(500_000_000L)));
        assertThat(ok(g.tcp("keep-alive-interval", s))).isEqualTo(Val.u64(1_000_000_000L));
        ok(g.tcp("set-keep-alive-count", s, Val.u32(5)));
        assertThat(ok(g.tcp("keep-alive-count", s))).isEqualTo(Val.u32(5));
        assertThat(err(g.tcp("set-keep-alive-idle-time", s, Val.u64(0)))).isEqualTo("invalid-argument");
        assertThat(err(g.tcp("set-keep-alive-count", s, Val.u32(0)))).isEqualTo("invalid-argument");
        ok(g.tcp("set-receive-buffer-size", s, Val.u64(65536)));
        assertThat(((Val.U64) ok(g.tcp("receive-buffer-size", s))).value()).isEqualTo(65536);
        ok(g.tcp("set-send-buffer-size", s, Val.u64(65536)));
        assertThat(((Val.U64) ok(g.tcp("send-buffer-size", s))).value()).isEqualTo(65536);
        assertThat(err(g.tcp("set-receive-buffer-size", s, Val.u64(0)))).isEqualTo("invalid-argument");
        assertThat(err(g.tcp("set-hop-limit", s, Val.u8(0)))).isEqualTo("invalid-argument");
        assertThat(err(g.tcp("hop-limit", s))).isEqualTo("not-supported");
        assertThat(err(g.tcp("set-listen-backlog-size", s, Val.u64(0)))).isEqualTo("invalid-argument");
        ok(g.tcp("set-listen-backlog-size", s, Val.u64(10)));
    }

    @Test
    void aListenerPassesItsBufferSizesToAcceptedSockets() throws IOException {
        Val listener = g.newTcp("ipv4");
        ok(g.tcp("start-bind", listener, g.network(), ipv4(127, 0, 0, 1, 0)));
        ok(g.tcp("finish-bind", listener));
        ok(g.tcp("start-listen", listener));
        ok(g.tcp("finish-listen", listener));
        ok(g.tcp("set-send-buffer-size", listener, Val.u64(40_000)));
        assertThat(ok(g.tcp("send-buffer-size", listener))).isEqualTo(Val.u64(40_000));
        assertThat(err(g.tcp("set-listen-backlog-size", listener, Val.u64(5)))).isEqualTo("not-supported");
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    port(ok(g.tcp("local-address", listener)))));
            g.block(g.tcp("subscribe", listener));
            Val peer = element(ok(g.tcp("accept", listener)), 0);
            assertThat(((Val.U64) ok(g.tcp("send-buffer-size", peer))).value()).isGreaterThanOrEqualTo(40_000);
        }
    }
}
