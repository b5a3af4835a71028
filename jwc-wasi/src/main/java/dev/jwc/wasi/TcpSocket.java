package dev.jwc.wasi;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host object behind a {@code wasi:sockets/tcp#tcp-socket}: the WIT state machine over non-blocking
 * java.nio channels.
 *
 * <p>Java has no socket that is bound but neither connected nor listening and can later become either, so
 * an unbound or bound socket is a {@link SocketChannel}; {@code finish-listen} closes it and binds a
 * {@link ServerSocketChannel} to the very address it had (with {@code SO_REUSEADDR}), carrying its options.
 */
final class TcpSocket implements Closeable {
    /** Where the socket is in its life; each state holds the channel that state needs. */
    sealed interface State {
        record Unbound(SocketChannel channel) implements State {
        }

        record BindStarted(SocketChannel channel) implements State {
        }

        record Bound(SocketChannel channel) implements State {
        }

        record ListenStarted(SocketChannel channel) implements State {
        }

        /** {@code inherited}: the options a Java server channel cannot hold, kept for its accepted sockets. */
        record Listening(ServerSocketChannel server, ChannelReadiness readiness,
                         Map<SocketOption<?>, Object> inherited) implements State {
        }

        record Connecting(SocketChannel channel) implements State {
        }

        /** {@code connect} failed at once: {@code finish-connect} reports it. */
        record ConnectFailed(NetworkException failure) implements State {
        }

        record Connected(TcpConnection connection) implements State {
        }

        record Closed() implements State {
        }
    }

    /** A freshly connected or accepted socket with its streams. */
    record Streams(TcpSocket socket, InStream input, OutStream output) {
    }

    /** Options a Java server channel lacks but an accepted socket must inherit from its listener. */
    private static final List<SocketOption<?>> SERVER_LACKS = List.of(StandardSocketOptions.SO_KEEPALIVE,
            StandardSocketOptions.SO_SNDBUF);
    private static final int DEFAULT_BACKLOG = 128;

    private final IpFamily family;
    private final ChannelReadiness readiness;
    /** The options the guest set, so that a listener re-created by {@code finish-listen} keeps them. */
    private final Map<SocketOption<?>, Object> explicit = new HashMap<>();
    private State state;
    private int backlog = DEFAULT_BACKLOG;

    private TcpSocket(IpFamily family, ChannelReadiness readiness, State state) {
        this.family = family;
        this.readiness = readiness;
        this.state = state;
    }

    static TcpSocket create(IpFamily family) throws NetworkException {
        try {
            SocketChannel channel = SocketChannel.open(family.protocol());
            channel.configureBlocking(false);
            return new TcpSocket(family, new ChannelReadiness(channel), new State.Unbound(channel));
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    IpFamily family() {
        return family;
    }

    void startBind(SocketAddresses.GuestAddress local) throws NetworkException {
        SocketAddresses.checkUnicast(local, family);
        if (!(state instanceof State.Unbound(SocketChannel channel))) {
            throw invalidState("the socket is already bound");
        }
        try {
            // WASI: a bind must not fail because of TIME_WAIT left by an earlier socket on the address
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(local.toJava());
        } catch (IOException e) {
            throw new NetworkException(e);
        }
        state = new State.BindStarted(channel);
    }

    void finishBind() throws NetworkException {
        if (!(state instanceof State.BindStarted(SocketChannel channel))) {
            throw notInProgress("bind");
        }
        state = new State.Bound(channel);
    }

    void startConnect(SocketAddresses.GuestAddress remote) throws NetworkException {
        SocketChannel channel = switch (state) {
            case State.Unbound u -> u.channel();
            case State.Bound b -> b.channel();
            case State.Connecting c -> throw NetworkException.of(SocketErrorCode.CONCURRENCY_CONFLICT);
            default -> throw invalidState("the socket cannot connect in its state");
        };
        SocketAddresses.checkRemote(remote, family);
        try {
            channel.connect(remote.toJava());
            state = new State.Connecting(channel);
        } catch (IOException e) {
            closeQuietlyAfter(channel);
            state = new State.ConnectFailed(new NetworkException(e));
        }
    }

    Streams finishConnect() throws NetworkException {
        switch (state) {
            case State.Connecting(SocketChannel channel) -> {
                try {
                    if (!channel.finishConnect()) {
                        throw NetworkException.of(SocketErrorCode.WOULD_BLOCK);
                    }
                } catch (IOException e) {
                    closeQuietlyAfter(channel);
                    state = new State.Closed();
                    throw new NetworkException(e);
                }
                TcpConnection connection = new TcpConnection(channel, readiness);
                state = new State.Connected(connection);
                return new Streams(this, connection.input(), connection.output());
            }
            case State.ConnectFailed(NetworkException failure) -> {
                state = new State.Closed();
                throw failure;
            }
            default -> throw notInProgress("connect");
        }
    }

    void startListen() throws NetworkException {
        switch (state) {
            case State.Bound(SocketChannel channel) -> state = new State.ListenStarted(channel);
            case State.Unbound u -> throw invalidState("the socket is not bound");
            default -> throw invalidState("the socket cannot listen in its state");
        }
    }

    void finishListen() throws NetworkException {
        if (!(state instanceof State.ListenStarted(SocketChannel channel))) {
            throw notInProgress("listen");
        }
        ServerSocketChannel server = null;
        try {
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            Map<SocketOption<?>, Object> inherited = new HashMap<>();
            for (SocketOption<?> option : SERVER_LACKS) {
                inherited.put(option, channel.getOption(option));
            }
            server = ServerSocketChannel.open(family.protocol());
            for (var e : explicit.entrySet()) {
                if (server.supportedOptions().contains(e.getKey())) {
                    setRaw(server, e.getKey(), e.getValue());
                } else {
                    inherited.put(e.getKey(), e.getValue());
                }
            }
            readiness.close();
            channel.close();
            server.configureBlocking(false);
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(local, backlog);
            state = new State.Listening(server, new ChannelReadiness(server), inherited);
        } catch (IOException e) {
            closeQuietlyAfter(channel);
            if (server != null) {
                closeQuietlyAfter(server);
            }
            state = new State.Closed();
            throw new NetworkException(e);
        }
    }

    /** The next pending connection: a connected socket that inherited this listener's options. */
    Streams accept() throws NetworkException {
        if (!(state instanceof State.Listening(ServerSocketChannel server, var ready, var inherited))) {
            throw invalidState("the socket is not listening");
        }
        SocketChannel client;
        try {
            client = server.accept();
            if (client == null) {
                throw NetworkException.of(SocketErrorCode.WOULD_BLOCK);
            }
            client.configureBlocking(false);
            for (var e : inherited.entrySet()) {
                // only what the guest chose: defaults were read for reporting, in the kernel's units
                if (explicit.containsKey(e.getKey())) {
                    setRaw(client, e.getKey(), e.getValue());
                }
            }
        } catch (IOException e) {
            throw new NetworkException(e);
        }
        ChannelReadiness clientReadiness = new ChannelReadiness(client);
        TcpConnection connection = new TcpConnection(client, clientReadiness);
        TcpSocket socket = new TcpSocket(family, clientReadiness, new State.Connected(connection));
        return new Streams(socket, connection.input(), connection.output());
    }

    InetSocketAddress localAddress() throws NetworkException {
        NetworkChannel channel = switch (state) {
            case State.Bound(var c) -> c;
            case State.ListenStarted(var c) -> c;
            case State.Connecting(var c) -> c;
            case State.Listening(var server, var r, var i) -> server;
            case State.Connected(var connection) -> connection.channel();
            default -> throw invalidState("the socket is not bound");
        };
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    InetSocketAddress remoteAddress() throws NetworkException {
        if (!(state instanceof State.Connected(TcpConnection connection))) {
            throw invalidState("the socket is not connected");
        }
        try {
            return (InetSocketAddress) connection.channel().getRemoteAddress();
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    boolean isListening() {
        return state instanceof State.Listening;
    }

    void setListenBacklogSize(long value) throws NetworkException {
        if (value == 0) {
            throw invalidArgument("the backlog must be at least 1");
        }
        switch (state) {
            case State.Unbound u -> backlog = clampToInt(value);
            case State.Bound b -> backlog = clampToInt(value);
            // a Java server channel cannot listen again with another backlog
            case State.Listening l -> throw NetworkException.of(SocketErrorCode.NOT_SUPPORTED);
            default -> throw invalidState("the backlog cannot change in this state");
        }
    }

    void shutdown(boolean receive, boolean send) throws NetworkException {
        if (!(state instanceof State.Connected(TcpConnection connection))) {
            throw invalidState("the socket is not connected");
        }
        try {
            connection.shutdown(receive, send);
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    /** Ready when the pending connect or accept can finish (or fail); at once in every other state. */
    Pollable readiness() {
        return () -> switch (state) {
            // a connect that completed at once has nothing pending, and the selector would never report it
            case State.Connecting(var channel) -> !channel.isConnectionPending() || readiness.ready(SelectionKey.OP_CONNECT);
            case State.Listening(var server, var serverReadiness, var i) -> serverReadiness.ready(SelectionKey.OP_ACCEPT);
            default -> true;
        };
    }

    /** A socket option's value; a listener answers for options its accepted sockets will get. */
    <T> T option(SocketOption<T> option) throws NetworkException {
        try {
            return switch (state) {
                case State.Listening(var server, var r, var inherited) when inherited.containsKey(option) ->
                        option.type().cast(inherited.get(option));
                default -> optionChannel().getOption(option);
            };
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    <T> void setOption(SocketOption<T> option, T value) throws NetworkException {
        try {
            switch (state) {
                case State.Listening(var server, var r, var inherited) when inherited.containsKey(option) ->
                        inherited.put(option, value);
                default -> optionChannel().setOption(option, value);
            }
            explicit.put(option, value);
        } catch (IOException e) {
            throw new NetworkException(e);
        }
    }

    /** Hop limits are out of java.nio's reach (see {@link SocketOptionUnits}); the state is checked first. */
    int hopLimit() throws NetworkException {
        optionChannel();
        throw SocketOptionUnits.hopLimitUnsupported();
    }

    void setHopLimit(int value) throws NetworkException {
        SocketOptionUnits.checkHopLimit(value);
        optionChannel();
        throw SocketOptionUnits.hopLimitUnsupported();
    }

    private NetworkChannel optionChannel() throws NetworkException {
        return switch (state) {
            case State.Unbound(var c) -> c;
            case State.BindStarted(var c) -> c;
            case State.Bound(var c) -> c;
            case State.ListenStarted(var c) -> c;
            case State.Connecting(var c) -> c;
            case State.Listening(var server, var r, var i) -> server;
            case State.Connected(var connection) -> connection.channel();
            case State.ConnectFailed f -> throw invalidState("the socket failed to connect");
            case State.Closed c -> throw invalidState("the socket is closed");
        };
    }

    @Override
    public void close() throws IOException {
        State last = state;
        state = new State.Closed();
        switch (last) {
            case State.Unbound(var c) -> closeChannel(c);
            case State.BindStarted(var c) -> closeChannel(c);
            case State.Bound(var c) -> closeChannel(c);
            case State.ListenStarted(var c) -> closeChannel(c);
            case State.Connecting(var c) -> closeChannel(c);
            case State.Listening(var server, var serverReadiness, var i) -> {
                serverReadiness.close();
                server.close();
            }
            case State.Connected(var connection) -> connection.release();
            case State.ConnectFailed f -> {
            }
            case State.Closed c -> {
            }
        }
    }

    private void closeChannel(SocketChannel channel) throws IOException {
        readiness.close();
        channel.close();
    }

    /** Closes a channel whose failure is being reported; a second failure while closing adds nothing. */
    private void closeQuietlyAfter(java.nio.channels.Channel channel) {
        try {
            readiness.close();
            channel.close();
        } catch (IOException ignored) {
            // the guest already gets the first failure
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void setRaw(NetworkChannel channel, SocketOption<T> option, Object value) throws IOException {
        channel.setOption(option, (T) value);
    }

    private static int clampToInt(long value) {
        return value < 0 || value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    private static NetworkException invalidState(String why) {
        return new NetworkException(SocketErrorCode.INVALID_STATE, why);
    }

    private static NetworkException invalidArgument(String why) {
        return new NetworkException(SocketErrorCode.INVALID_ARGUMENT, why);
    }

    private static NetworkException notInProgress(String operation) {
        return new NetworkException(SocketErrorCode.NOT_IN_PROGRESS, "no " + operation + " is in progress");
    }
}
