package dev.jwc.wasi;

import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;

/** {@code wasi:sockets/network#ip-address-family}: the family a socket was created for. */
enum IpFamily {
    IPV4("ipv4", StandardProtocolFamily.INET),
    IPV6("ipv6", StandardProtocolFamily.INET6);

    private final String witName;
    private final ProtocolFamily protocol;

    IpFamily(String witName, ProtocolFamily protocol) {
        this.witName = witName;
        this.protocol = protocol;
    }

    String witName() {
        return witName;
    }

    ProtocolFamily protocol() {
        return protocol;
    }

    static IpFamily of(String witName) {
        return switch (witName) {
            case "ipv4" -> IPV4;
            case "ipv6" -> IPV6;
            default -> throw new IllegalArgumentException("not an ip-address-family: " + witName);
        };
    }
}
