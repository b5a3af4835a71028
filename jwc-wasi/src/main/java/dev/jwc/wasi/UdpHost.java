package dev.jwc.wasi;

import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code wasi:sockets/udp} and {@code udp-create-socket}: WIT values in and out of {@link UdpSocket}. */
final class UdpHost {
    private static final String UDP = "wasi:sockets/udp";

    private final HostRegistry r;
    private final IoHost io;
    private final boolean granted;
    private final ResourceType socket;
    private final ResourceType incoming;
    private final ResourceType outgoing;

    UdpHost(HostRegistry r, IoHost io, boolean granted) {
        this.r = r;
        this.io = io;
        this.granted = granted;
        this.socket = r.resource(UDP, "udp-socket");
        this.incoming = r.resource(UDP, "incoming-datagram-stream");
        this.outgoing = r.resource(UDP, "outgoing-datagram-stream");
    }

    private void def(String method, SocketsHost.Body body) {
        r.define(UDP, "[method]" + method, a -> SocketsHost.call(body, a));
    }

    private UdpSocket s(Val handle) {
        return r.objects.get(handle, UdpSocket.class);
    }

    void register() {
        r.define("wasi:sockets/udp-create-socket", "create-udp-socket", a -> SocketsHost.call(args -> {
            SocketsHost.checkSockets(granted);
            return r.objects.own(socket, UdpSocket.create(IpFamily.of(((Val.Enum) args.get(0)).name())));
        }, a));
        def("udp-socket.start-bind", a -> {
            SocketsHost.checkSockets(r.objects.get(a.get(1), SocketsHost.Network.class).sockets());
            s(a.get(0)).startBind(SocketAddresses.read(a.get(2)));
            return null;
        });
        def("udp-socket.finish-bind", a -> {
            s(a.get(0)).finishBind();
            return null;
        });
        def("udp-socket.stream", a -> {
            Optional<SocketAddresses.GuestAddress> peer = ((Val.Option) a.get(1)).value().map(SocketAddresses::read);
            UdpSocket.Streams streams = s(a.get(0)).stream(peer);
            return Val.tuple(r.objects.own(incoming, streams.incoming()), r.objects.own(outgoing, streams.outgoing()));
        });
        def("udp-socket.local-address", a -> {
            UdpSocket u = s(a.get(0));
            return SocketAddresses.write(u.localAddress(), u.family());
        });
        def("udp-socket.remote-address", a -> {
            UdpSocket u = s(a.get(0));
            return SocketAddresses.write(u.remoteAddress(), u.family());
        });
        r.define(UDP, "[method]udp-socket.address-family",
                a -> Optional.of(Val.enumCase(s(a.get(0)).family().witName())));
        def("udp-socket.unicast-hop-limit", a -> Val.u8(s(a.get(0)).unicastHopLimit()));
        def("udp-socket.set-unicast-hop-limit", a -> {
            s(a.get(0)).setUnicastHopLimit(Vals.u8(a.get(1)));
            return null;
        });
        def("udp-socket.receive-buffer-size",
                a -> Val.u64(s(a.get(0)).option(StandardSocketOptions.SO_RCVBUF)));
        def("udp-socket.set-receive-buffer-size", a -> {
            s(a.get(0)).setOption(StandardSocketOptions.SO_RCVBUF, SocketOptionUnits.bufferSize(Vals.u64(a.get(1))));
            return null;
        });
        def("udp-socket.send-buffer-size",
                a -> Val.u64(s(a.get(0)).option(StandardSocketOptions.SO_SNDBUF)));
        def("udp-socket.set-send-buffer-size", a -> {
            s(a.get(0)).setOption(StandardSocketOptions.SO_SNDBUF, SocketOptionUnits.bufferSize(Vals.u64(a.get(1))));
            return null;
        });
        r.define(UDP, "[method]udp-socket.subscribe", a -> Optional.of(io.pollable(s(a.get(0)).readiness())));
        registerStreams();
    }

    private void registerStreams() {
        def("incoming-datagram-stream.receive", a -> {
            List<Val> out = new ArrayList<>();
            UdpSocket.IncomingStream in = r.objects.get(a.get(0), UdpSocket.IncomingStream.class);
            for (UdpSocket.Incoming d : in.receive(Vals.u64(a.get(1)))) {
                out.add(Val.record(Val.field("data", Vals.bytes(d.data())),
                        Val.field("remote-address", SocketAddresses.write(d.from(), in.family()))));
            }
            return new Val.List(out);
        });
        r.define(UDP, "[method]incoming-datagram-stream.subscribe", a -> Optional.of(
                io.pollable(r.objects.get(a.get(0), UdpSocket.IncomingStream.class).readiness())));
        def("outgoing-datagram-stream.check-send",
                a -> Val.u64(r.objects.get(a.get(0), UdpSocket.OutgoingStream.class).checkSend()));
        def("outgoing-datagram-stream.send", a -> {
            UdpSocket.OutgoingStream out = r.objects.get(a.get(0), UdpSocket.OutgoingStream.class);
            List<UdpSocket.Outgoing> datagrams = new ArrayList<>();
            for (Val v : Vals.list(a.get(1))) {
                Val.Record d = (Val.Record) v;
                datagrams.add(new UdpSocket.Outgoing(Vals.bytes(d.get("data").orElseThrow()),
                        ((Val.Option) d.get("remote-address").orElseThrow()).value().map(SocketAddresses::read)));
            }
            return Val.u64(out.send(datagrams));
        });
        r.define(UDP, "[method]outgoing-datagram-stream.subscribe", a -> Optional.of(
                io.pollable(r.objects.get(a.get(0), UdpSocket.OutgoingStream.class).readiness())));
    }
}
