package dev.jwc.wasi;

import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import java.net.StandardSocketOptions;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;

/** {@code wasi:sockets/tcp} and {@code tcp-create-socket}: WIT values in and out of {@link TcpSocket}. */
final class TcpHost {
    private static final String TCP = "wasi:sockets/tcp";

    private final HostRegistry r;
    private final IoHost io;
    private final boolean granted;
    private final ResourceType socket;
    private final ResourceType inputStream;
    private final ResourceType outputStream;

    TcpHost(HostRegistry r, IoHost io, boolean granted) {
        this.r = r;
        this.io = io;
        this.granted = granted;
        this.socket = r.resource(TCP, "tcp-socket");
        this.inputStream = r.resource("wasi:io/streams", "input-stream");
        this.outputStream = r.resource("wasi:io/streams", "output-stream");
    }

    private void def(String method, SocketsHost.Body body) {
        r.define(TCP, "[method]tcp-socket." + method, a -> SocketsHost.call(body, a));
    }

    private TcpSocket s(Val handle) {
        return r.objects.get(handle, TcpSocket.class);
    }

    /** The network argument of bind and connect must carry the grant. */
    private void checkNetwork(Val network) throws NetworkException {
        SocketsHost.checkSockets(r.objects.get(network, SocketsHost.Network.class).sockets());
    }

    void register() {
        r.define("wasi:sockets/tcp-create-socket", "create-tcp-socket", a -> SocketsHost.call(args -> {
            SocketsHost.checkSockets(granted);
            return r.objects.own(socket, TcpSocket.create(IpFamily.of(((Val.Enum) args.get(0)).name())));
        }, a));
        def("start-bind", a -> {
            checkNetwork(a.get(1));
            s(a.get(0)).startBind(SocketAddresses.read(a.get(2)));
            return null;
        });
        def("finish-bind", a -> {
            s(a.get(0)).finishBind();
            return null;
        });
        def("start-connect", a -> {
            checkNetwork(a.get(1));
            s(a.get(0)).startConnect(SocketAddresses.read(a.get(2)));
            return null;
        });
        def("finish-connect", a -> {
            TcpSocket.Streams streams = s(a.get(0)).finishConnect();
            return Val.tuple(r.objects.own(inputStream, streams.input()), r.objects.own(outputStream, streams.output()));
        });
        def("start-listen", a -> {
            s(a.get(0)).startListen();
            return null;
        });
        def("finish-listen", a -> {
            s(a.get(0)).finishListen();
            return null;
        });
        def("accept", a -> {
            TcpSocket.Streams client = s(a.get(0)).accept();
            return Val.tuple(r.objects.own(socket, client.socket()), r.objects.own(inputStream, client.input()),
                    r.objects.own(outputStream, client.output()));
        });
        def("local-address", a -> {
            TcpSocket t = s(a.get(0));
            return SocketAddresses.write(t.localAddress(), t.family());
        });
        def("remote-address", a -> {
            TcpSocket t = s(a.get(0));
            return SocketAddresses.write(t.remoteAddress(), t.family());
        });
        r.define(TCP, "[method]tcp-socket.is-listening", a -> Optional.of(Val.bool(s(a.get(0)).isListening())));
        r.define(TCP, "[method]tcp-socket.address-family",
                a -> Optional.of(Val.enumCase(s(a.get(0)).family().witName())));
        def("set-listen-backlog-size", a -> {
            s(a.get(0)).setListenBacklogSize(Vals.u64(a.get(1)));
            return null;
        });
        registerOptions();
        r.define(TCP, "[method]tcp-socket.subscribe", a -> Optional.of(io.pollable(s(a.get(0)).readiness())));
        def("shutdown", a -> {
            String how = ((Val.Enum) a.get(1)).name();
            s(a.get(0)).shutdown(!how.equals("send"), !how.equals("receive"));
            return null;
        });
    }

    private void registerOptions() {
        def("keep-alive-enabled", a -> Val.bool(s(a.get(0)).option(StandardSocketOptions.SO_KEEPALIVE)));
        def("set-keep-alive-enabled", a -> {
            s(a.get(0)).setOption(StandardSocketOptions.SO_KEEPALIVE, ((Val.Bool) a.get(1)).value());
            return null;
        });
        def("keep-alive-idle-time",
                a -> Val.u64(SocketOptionUnits.nanos(s(a.get(0)).option(ExtendedSocketOptions.TCP_KEEPIDLE))));
        def("set-keep-alive-idle-time", a -> {
            s(a.get(0)).setOption(ExtendedSocketOptions.TCP_KEEPIDLE, SocketOptionUnits.keepAliveSeconds(Vals.u64(a.get(1))));
            return null;
        });
        def("keep-alive-interval",
                a -> Val.u64(SocketOptionUnits.nanos(s(a.get(0)).option(ExtendedSocketOptions.TCP_KEEPINTERVAL))));
        def("set-keep-alive-interval", a -> {
            s(a.get(0)).setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL,
                    SocketOptionUnits.keepAliveSeconds(Vals.u64(a.get(1))));
            return null;
        });
        def("keep-alive-count", a -> Val.u32(s(a.get(0)).option(ExtendedSocketOptions.TCP_KEEPCOUNT)));
        def("set-keep-alive-count", a -> {
            s(a.get(0)).setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, SocketOptionUnits.keepAliveCount(Vals.u32(a.get(1))));
            return null;
        });
        def("hop-limit", a -> Val.u8(s(a.get(0)).hopLimit()));
        def("set-hop-limit", a -> {
            s(a.get(0)).setHopLimit(Vals.u8(a.get(1)));
            return null;
        });
        def("receive-buffer-size",
                a -> Val.u64(s(a.get(0)).option(StandardSocketOptions.SO_RCVBUF)));
        def("set-receive-buffer-size", a -> {
            s(a.get(0)).setOption(StandardSocketOptions.SO_RCVBUF, SocketOptionUnits.bufferSize(Vals.u64(a.get(1))));
            return null;
        });
        def("send-buffer-size",
                a -> Val.u64(s(a.get(0)).option(StandardSocketOptions.SO_SNDBUF)));
        def("set-send-buffer-size", a -> {
            s(a.get(0)).setOption(StandardSocketOptions.SO_SNDBUF, SocketOptionUnits.bufferSize(Vals.u64(a.get(1))));
            return null;
        });
    }
}
