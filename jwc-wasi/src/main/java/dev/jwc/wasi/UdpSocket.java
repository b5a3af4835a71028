package dev.jwc.wasi;

import dev.jwc.runtime.Trap;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The host object behind a {@code wasi:sockets/udp#udp-socket}: a non-blocking {@link DatagramChannel},
 * bound explicitly before {@code stream} hands out the datagram streams of its current association.
 * The channel closes when the socket and every stream it handed out are dropped.
 */
final class UdpSocket implements Closeable {
    /** The largest payload of an IPv4 or IPv6 UDP datagram. */
    private static final int MAX_DATAGRAM = 65_535;
    /** How many datagrams {@code check-send} permits at a time. */
    private static final int SEND_PERMITS = 64;

    private enum Phase { UNBOUND, BIND_STARTED, BOUND }

    /** A received datagram and who sent it. */
    record Incoming(byte[] data, InetSocketAddress from) {
    }

    /** A datagram to send, to the association's peer when {@code to} is empty. */
    record Outgoing(byte[] data, Optional<SocketAddresses.GuestAddress> to) {
    }

    /** The pair of streams one {@code stream} call returns. */
    record Streams(IncomingStream incoming, OutgoingStream outgoing) {
    }

    private final IpFamily family;
    private final DatagramChannel channel;
    private final ChannelReadiness readiness;
    private Phase phase = Phase.UNBOUND;
    private InetSocketAddress remote;
    /** Which {@code stream} call made the operational pair; older pairs fail with invalid-state. */
    private int generation;
    private int holders = 1;

    private UdpSocket(IpFamily family, DatagramChannel channel) {
        this.family = family;
        this.channel = channel;
        this.readiness = new ChannelReadiness(channel);
    }

    static UdpSocket create(IpFamily family) throws NetworkException {
        try {
            DatagramChannel channel = DatagramChannel.open(family.protocol());
            channel.configureBlocking(false);
            return new UdpSocket(family, channel);
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    IpFamily family() {
        return family;
    }

    void startBind(SocketAddresses.GuestAddress local) throws NetworkException {
        SocketAddresses.checkUnicast(local, family);
        if (phase != Phase.UNBOUND) {
            throw new NetworkException(SocketErrorCode.INVALID_STATE, "the socket is already bound");
        }
        try {
            channel.bind(local.toJava());
        } catch (IOException e) {
            throw new NetworkException(e);
        }
        phase = Phase.BIND_STARTED;
    }

    void finishBind() throws NetworkException {
        if (phase != Phase.BIND_STARTED) {
            throw new NetworkException(SocketErrorCode.NOT_IN_PROGRESS, "no bind is in progress");
        }
        phase = Phase.BOUND;
    }

    /** Dissolves the current association, makes the new one, and returns its two streams. */
    Streams stream(Optional<SocketAddresses.GuestAddress> peer) throws NetworkException {
        if (phase != Phase.BOUND) {
            throw new NetworkException(SocketErrorCode.INVALID_STATE, "the socket is not bound");
        }
        if (peer.isPresent()) {
            SocketAddresses.checkRemote(peer.get(), family);
        }
        try {
            if (remote != null) {
                channel.disconnect();
                remote = null;
            }
            if (peer.isPresent()) {
                InetSocketAddress target = peer.get().toJava();
                channel.connect(target);
                remote = target;
            }
        } catch (IOException e) {
            throw new NetworkException(e);
        }
        generation++;
        holders += 2;
        return new Streams(new IncomingStream(generation), new OutgoingStream(generation));
    }

    InetSocketAddress localAddress() throws NetworkException {
        if (phase != Phase.BOUND) {
            throw new NetworkException(SocketErrorCode.INVALID_STATE, "the socket is not bound");
        }
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    InetSocketAddress remoteAddress() throws NetworkException {
        if (remote == null) {
            throw new NetworkException(SocketErrorCode.INVALID_STATE, "the socket has no remote address");
        }
        return remote;
    }

    <T> T option(SocketOption<T> option) throws NetworkException {
        try {
            return channel.getOption(option);
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    <T> void setOption(SocketOption<T> option, T value) throws NetworkException {
        try {
            channel.setOption(option, value);
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    /** Hop limits are out of java.nio's reach (see {@link SocketOptionUnits}). */
    int unicastHopLimit() throws NetworkException {
        throw SocketOptionUnits.hopLimitUnsupported();
    }

    void setUnicastHopLimit(int value) throws NetworkException {
        SocketOptionUnits.checkHopLimit(value);
        throw SocketOptionUnits.hopLimitUnsupported();
    }

    /** Bind has no waiting part and the rest happens on the streams, so the socket itself is always ready. */
    Pollable readiness() {
        return Pollable.READY;
    }

    @Override
    public void close() {
        release();
    }

    private void release() {
        if (--holders == 0) {
            try {
                readiness.close();
                channel.close();
            } catch (IOException e) {
                throw new Trap("closing a UDP socket failed: " + e.getMessage(), e);
            }
        }
    }

    private void checkCurrent(int streamGeneration) throws NetworkException {
        if (streamGeneration != generation) {
            throw new NetworkException(SocketErrorCode.INVALID_STATE, "a later `stream` call replaced this stream");
        }
    }

    /** The host object behind an {@code incoming-datagram-stream}. */
    final class IncomingStream implements Closeable {
        private final int streamGeneration;
        private boolean dropped;

        private IncomingStream(int streamGeneration) {
            this.streamGeneration = streamGeneration;
        }

        IpFamily family() {
            return family;
        }

        /** Up to {@code max} datagrams that arrived; never waits. */
        List<Incoming> receive(long max) throws NetworkException {
            checkCurrent(streamGeneration);
            List<Incoming> out = new ArrayList<>();
            ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
            try {
                // a u64 above Long.MAX_VALUE arrives negative: it asks for everything there is
                while (max < 0 || out.size() < max) {
                    buf.clear();
                    SocketAddress from = channel.receive(buf);
                    if (from == null) {
                        break;
                    }
                    out.add(new Incoming(Arrays.copyOf(buf.array(), buf.position()), (InetSocketAddress) from));
                }
            } catch (IOException e) {
                if (out.isEmpty()) {
                    throw new NetworkException(e);
                }
                // the WIT lets the datagrams that arrived before the failure stand as the result
            }
            return out;
        }

        Pollable readiness() {
            return () -> readiness.ready(SelectionKey.OP_READ);
        }

        @Override
        public void close() {
            if (!dropped) {
                dropped = true;
                release();
            }
        }
    }

    /** The host object behind an {@code outgoing-datagram-stream}. */
    final class OutgoingStream implements Closeable {
        private final int streamGeneration;
        private long permitted;
        private boolean dropped;

        private OutgoingStream(int streamGeneration) {
            this.streamGeneration = streamGeneration;
        }

        long checkSend() throws NetworkException {
            checkCurrent(streamGeneration);
            permitted = readiness.ready(SelectionKey.OP_WRITE) ? SEND_PERMITS : 0;
            return permitted;
        }

        /** Sends in order until one fails; a failure is reported only when nothing was sent. */
        long send(List<Outgoing> datagrams) throws NetworkException {
            checkCurrent(streamGeneration);
            if (datagrams.isEmpty()) {
                return 0;
            }
            if (datagrams.size() > permitted) {
                throw new Trap("outgoing-datagram-stream.send of " + datagrams.size()
                        + " datagrams, but check-send permitted " + permitted);
            }
            permitted = 0;
            long sent = 0;
            try {
                for (Outgoing d : datagrams) {
                    if (!sendOne(d)) {
                        break;
                    }
                    sent++;
                }
            } catch (NetworkException e) {
                // the WIT: once a datagram went out, send reports how many instead of the failure
                if (sent == 0) {
                    throw e;
                }
            }
            return sent;
        }

        private boolean sendOne(Outgoing d) throws NetworkException {
            InetSocketAddress target;
            if (remote != null) {
                if (d.to().isPresent() && !d.to().get().toJava().equals(remote)) {
                    throw new NetworkException(SocketErrorCode.INVALID_ARGUMENT,
                            "the socket streams to another remote address");
                }
                target = null;
            } else {
                SocketAddresses.GuestAddress to = d.to().orElseThrow(() -> new NetworkException(
                        SocketErrorCode.INVALID_ARGUMENT, "a datagram needs a remote address"));
                SocketAddresses.checkRemote(to, family);
                target = to.toJava();
            }
            if (d.data().length > MAX_DATAGRAM) {
                throw NetworkException.of(SocketErrorCode.DATAGRAM_TOO_LARGE);
            }
            try {
                ByteBuffer buf = ByteBuffer.wrap(d.data());
                return (target == null ? channel.write(buf) : channel.send(buf, target)) > 0 || d.data().length == 0;
            } catch (IOException e) {
                throw new NetworkException(e);
            }
        }

        Pollable readiness() {
            return () -> readiness.ready(SelectionKey.OP_WRITE);
        }

        @Override
        public void close() {
            if (!dropped) {
                dropped = true;
                release();
            }
        }
    }
}
