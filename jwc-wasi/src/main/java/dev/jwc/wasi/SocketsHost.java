package dev.jwc.wasi;

import dev.jwc.types.Val;
import java.util.Optional;

/**
 * {@code wasi:sockets}, deny by default: the guest gets a network handle, but creating sockets and
 * resolving names is refused with {@code access-denied} unless the network was granted; with the
 * network granted, sockets are reported {@code not-supported} (this host has no socket implementation yet).
 */
final class SocketsHost {
    private final HostRegistry r;
    private final WasiConfig config;

    SocketsHost(HostRegistry r, WasiConfig config) {
        this.r = r;
        this.config = config;
    }

    /** The host object behind a {@code network} handle: the capability to use the network, or not. */
    record Network(boolean granted) {
    }

    void register() {
        var network = r.resource("wasi:sockets/network", "network");
        r.define("wasi:sockets/instance-network", "instance-network",
                a -> Optional.of(r.objects.own(network, new Network(config.inheritNetwork()))));
        r.define("wasi:sockets/tcp-create-socket", "create-tcp-socket", a -> refuse());
        r.define("wasi:sockets/udp-create-socket", "create-udp-socket", a -> refuse());
        r.define("wasi:sockets/ip-name-lookup", "resolve-addresses", a -> {
            r.objects.get(a.get(0), Network.class);
            return refuse();
        });
    }

    private Optional<Val> refuse() {
        return Vals.err(Val.enumCase(config.inheritNetwork() ? "not-supported" : "access-denied"));
    }
}
