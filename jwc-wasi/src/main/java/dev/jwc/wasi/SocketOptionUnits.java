package dev.jwc.wasi;

/** Converts socket option values between WIT units and what Java and the kernel take. */
final class SocketOptionUnits {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Linux's limit for TCP keep-alive times, the lowest of the common platforms. */
    private static final long MAX_KEEPALIVE_SECONDS = Short.MAX_VALUE;
    private static final int MAX_KEEPALIVE_COUNT = Byte.MAX_VALUE;

    private SocketOptionUnits() {
    }

    /**
     * A requested buffer size: 0 is {@code invalid-argument}, the rest is a hint clamped to an int (Java
     * reads SO_RCVBUF and SO_SNDBUF back in the units they were set in, so sizes need no other conversion).
     */
    static int bufferSize(long requested) throws NetworkException {
        if (requested == 0) {
            throw invalid("a buffer size must be at least 1");
        }
        return requested < 0 || requested > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) requested;
    }

    /** A WIT duration (nanoseconds) as whole seconds for TCP_KEEPIDLE and TCP_KEEPINTERVAL, at least 1. */
    static int keepAliveSeconds(long nanos) throws NetworkException {
        if (nanos == 0) {
            throw invalid("a keep-alive time must be positive");
        }
        long seconds = Long.compareUnsigned(nanos, MAX_KEEPALIVE_SECONDS * NANOS_PER_SECOND) > 0
                ? MAX_KEEPALIVE_SECONDS : Math.max(1, nanos / NANOS_PER_SECOND);
        return (int) seconds;
    }

    static long nanos(int seconds) {
        return seconds * NANOS_PER_SECOND;
    }

    static int keepAliveCount(long count) throws NetworkException {
        if (count == 0) {
            throw invalid("a keep-alive count must be at least 1");
        }
        return (int) Math.min(count, MAX_KEEPALIVE_COUNT);
    }

    /** A hop limit to set: 0 is {@code invalid-argument}, as the WIT demands before anything else. */
    static void checkHopLimit(int requested) throws NetworkException {
        if (requested == 0) {
            throw invalid("a hop limit must be at least 1");
        }
    }

    /** Hop limits (IP_TTL, IPV6_UNICAST_HOPS) are out of reach: java.nio exposes only the multicast TTL. */
    static NetworkException hopLimitUnsupported() {
        return new NetworkException(SocketErrorCode.NOT_SUPPORTED, "java.nio cannot read or set the unicast hop limit");
    }

    private static NetworkException invalid(String why) {
        return new NetworkException(SocketErrorCode.INVALID_ARGUMENT, why);
    }
}
