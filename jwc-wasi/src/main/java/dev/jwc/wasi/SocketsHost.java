package dev.jwc.wasi;

import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * {@code wasi:sockets}, deny by default: {@code network}, {@code instance-network} and
 * {@code ip-name-lookup} here, TCP in {@link TcpHost}, UDP in {@link UdpHost}. Without
 * {@code inheritNetwork} every socket call fails with {@code access-denied}; name lookups need
 * {@code allowIpNameLookup} (as in Wasmtime, each is granted on its own).
 */
final class SocketsHost {
    static final String NETWORK = "wasi:sockets/network";
    private static final String LOOKUP = "wasi:sockets/ip-name-lookup";

    /** The host object behind a {@code network} handle: what the guest may do with the network. */
    record Network(boolean sockets, boolean nameLookup) {
    }

    /** A socket call that returns its ok payload (null for none) or fails with an error-code. */
    @FunctionalInterface
    interface Body {
        Val run(List<Val> args) throws NetworkException;
    }

    private final HostRegistry r;
    private final IoHost io;
    private final WasiConfig config;

    SocketsHost(HostRegistry r, IoHost io, WasiConfig config) {
        this.r = r;
        this.io = io;
        this.config = config;
    }

    /** {@code body} as a host function returning {@code result<T, error-code>}. */
    static Optional<Val> call(Body body, List<Val> args) {
        try {
            Val v = body.run(args);
            return v == null ? Vals.ok() : Vals.ok(v);
        } catch (NetworkException e) {
            return Vals.err(Val.enumCase(e.code().witName()));
        }
    }

    /** Refuses socket use unless the network was granted. */
    static void checkSockets(boolean granted) throws NetworkException {
        if (!granted) {
            throw new NetworkException(SocketErrorCode.ACCESS_DENIED, "the network was not granted (-S inherit-network)");
        }
    }

    void register() {
        ResourceType network = r.resource(NETWORK, "network");
        ResourceType lookups = r.resource(LOOKUP, "resolve-address-stream");
        r.define("wasi:sockets/instance-network", "instance-network", a -> Optional.of(
                r.objects.own(network, new Network(config.inheritNetwork(), config.allowIpNameLookup()))));
        r.define(NETWORK, "network-error-code", a -> Optional.of(r.objects.get(a.get(0), IoHost.IoError.class)
                .networkCode().map(c -> Val.some(Val.enumCase(c.witName()))).orElse(Val.none())));
        r.define(LOOKUP, "resolve-addresses", a -> call(args -> {
            if (!r.objects.get(args.get(0), Network.class).nameLookup()) {
                throw new NetworkException(SocketErrorCode.ACCESS_DENIED,
                        "name lookup was not granted (-S allow-ip-name-lookup)");
            }
            return r.objects.own(lookups, NameLookup.start(Vals.string(args.get(1))));
        }, a));
        r.define(LOOKUP, "[method]resolve-address-stream.resolve-next-address", a -> call(args -> {
            InetAddress next = r.objects.get(args.get(0), NameLookup.class).next();
            return next == null ? Val.none() : Val.some(SocketAddresses.writeIp(next));
        }, a));
        r.define(LOOKUP, "[method]resolve-address-stream.subscribe",
                a -> Optional.of(io.pollable(r.objects.get(a.get(0), NameLookup.class).readiness())));
        new TcpHost(r, io, config.inheritNetwork()).register();
        new UdpHost(r, io, config.inheritNetwork()).register();
    }
}
