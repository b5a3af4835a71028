package dev.jwc.wasi;

import dev.jwc.types.Val;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between the WIT address types of {@code wasi:sockets/network} and Java socket addresses, and
 * checks what WASI requires of an address before the operating system sees it.
 */
final class SocketAddresses {
    /** An address as the guest wrote it: raw bytes keep what Java would normalize (IPv4-mapped IPv6). */
    record GuestAddress(IpFamily family, byte[] ip, int port, int scopeId) {

        InetSocketAddress toJava() {
            try {
                InetAddress address = family == IpFamily.IPV4 ? InetAddress.getByAddress(ip)
                        : Inet6Address.getByAddress(null, ip, scopeId);
                return new InetSocketAddress(address, port);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a " + ip.length + "-byte address is always valid", e);
            }
        }

        boolean isUnspecified() {
            return Arrays.equals(ip, new byte[ip.length]);
        }
    }

    private SocketAddresses() {
    }

    /** Reads an {@code ip-socket-address}. */
    static GuestAddress read(Val v) {
        Val.Variant variant = (Val.Variant) v;
        Val.Record r = (Val.Record) variant.payload().orElseThrow();
        int port = ((Val.U16) r.get("port").orElseThrow()).value();
        List<Val> parts = ((Val.Tuple) r.get("address").orElseThrow()).elements();
        return switch (variant.name()) {
            case "ipv4" -> {
                byte[] ip = new byte[4];
                for (int i = 0; i < 4; i++) {
                    ip[i] = (byte) Vals.u8(parts.get(i));
                }
                yield new GuestAddress(IpFamily.IPV4, ip, port, 0);
            }
            case "ipv6" -> {
                byte[] ip = new byte[16];
                for (int i = 0; i < 8; i++) {
                    int segment = ((Val.U16) parts.get(i)).value();
                    ip[2 * i] = (byte) (segment >> 8);
                    ip[2 * i + 1] = (byte) segment;
                }
                yield new GuestAddress(IpFamily.IPV6, ip, port, (int) Vals.u32(r.get("scope-id").orElseThrow()));
            }
            default -> throw new IllegalArgumentException("not an ip-socket-address: " + variant.name());
        };
    }

    /**
     * Checks a local or remote address for a socket of {@code family}: same family, unicast, and for IPv6
     * neither IPv4-mapped nor the deprecated IPv4-compatible form (both {@code invalid-argument}).
     */
    static void checkUnicast(GuestAddress a, IpFamily family) throws NetworkException {
        if (a.family() != family) {
            throw new NetworkException(SocketErrorCode.INVALID_ARGUMENT, "the address is not " + family.witName());
        }
        byte[] ip = a.ip();
        boolean valid = switch (family) {
            case IPV4 -> (ip[0] & 0xf0) != 0xe0 && !Arrays.equals(ip, new byte[] {-1, -1, -1, -1});
            case IPV6 -> (ip[0] & 0xff) != 0xff && !isV4Mapped(ip) && !isV4Compatible(ip);
        };
        if (!valid) {
            throw new NetworkException(SocketErrorCode.INVALID_ARGUMENT, "not a unicast address of the socket's family");
        }
    }

    /** A remote address must also name a host and a port. */
    static void checkRemote(GuestAddress a, IpFamily family) throws NetworkException {
        checkUnicast(a, family);
        if (a.isUnspecified() || a.port() == 0) {
            throw new NetworkException(SocketErrorCode.INVALID_ARGUMENT, "a remote address needs a host and a port");
        }
    }

    /** Writes an {@code ip-socket-address}; IPv4 peers of an IPv6 socket appear IPv4-mapped. */
    static Val write(InetSocketAddress address, IpFamily family) {
        InetAddress ip = address.getAddress();
        if (family == IpFamily.IPV4) {
            return Val.variant("ipv4", Val.record(Val.field("port", Val.u16(address.getPort())),
                    Val.field("address", ipv4(ip.getAddress()))));
        }
        byte[] bytes = ip.getAddress();
        int scope = ip instanceof Inet6Address v6 ? v6.getScopeId() : 0;
        if (ip instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = -1;
            mapped[11] = -1;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        return Val.variant("ipv6", Val.record(Val.field("port", Val.u16(address.getPort())),
                Val.field("flow-info", Val.u32(0)), Val.field("address", ipv6(bytes)),
                Val.field("scope-id", Val.u32(Integer.toUnsignedLong(scope)))));
    }

    /** Writes an {@code ip-address}. */
    static Val writeIp(InetAddress ip) {
        byte[] bytes = ip.getAddress();
        return bytes.length == 4 ? Val.variant("ipv4", ipv4(bytes)) : Val.variant("ipv6", ipv6(bytes));
    }

    private static Val ipv4(byte[] b) {
        return Val.tuple(Val.u8(b[0] & 0xff), Val.u8(b[1] & 0xff), Val.u8(b[2] & 0xff), Val.u8(b[3] & 0xff));
    }

    private static Val ipv6(byte[] b) {
        List<Val> segments = new ArrayList<>(8);
        for (int i = 0; i < 8; i++) {
            segments.add(Val.u16(((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff)));
        }
        return new Val.Tuple(segments);
    }

    private static boolean isV4Mapped(byte[] ip) {
        return ip.length == 16 && Arrays.equals(Arrays.copyOfRange(ip, 0, 10), new byte[10])
                && ip[10] == -1 && ip[11] == -1;
    }

    /** {@code ::a.b.c.d}, deprecated since 2006; {@code ::} and {@code ::1} are not of this form. */
    private static boolean isV4Compatible(byte[] ip) {
        if (!Arrays.equals(Arrays.copyOfRange(ip, 0, 12), new byte[12])) {
            return false;
        }
        int tail = ((ip[12] & 0xff) << 24) | ((ip[13] & 0xff) << 16) | ((ip[14] & 0xff) << 8) | (ip[15] & 0xff);
        return tail != 0 && tail != 1;
    }
}
