package dev.jwc.wasi;

import java.io.Closeable;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * The host object behind a {@code resolve-address-stream}: IP literals answer at once, names are
 * resolved by the system resolver on a virtual thread, so {@code resolve-addresses} never blocks.
 */
final class NameLookup implements Closeable {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** Characters a host name may never hold (the URL standard's forbidden host code points). */
    private static final String FORBIDDEN = "\0\t\n\r #/:<>?@[\\]^|%";

    private final CompletableFuture<List<InetAddress>> result;
    private Deque<InetAddress> remaining;

    private NameLookup(CompletableFuture<List<InetAddress>> result) {
        this.result = result;
    }

    /** Starts resolving {@code name}; a malformed name is {@code invalid-argument} right away. */
    static NameLookup start(String name) throws NetworkException {
        String literal = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        if (IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches()) {
            try {
                // a literal: InetAddress parses it without asking any resolver
                return new NameLookup(CompletableFuture.completedFuture(List.of(InetAddress.getByName(literal))));
            } catch (UnknownHostException e) {
                throw new NetworkException(SocketErrorCode.INVALID_ARGUMENT, "not an IP address: " + name);
            }
        }
        String ascii = asciiHost(name);
        CompletableFuture<List<InetAddress>> future = new CompletableFuture<>();
        Thread.ofVirtual().name("wasi-name-lookup").start(() -> {
            try {
                future.complete(Arrays.asList(InetAddress.getAllByName(ascii)));
            } catch (UnknownHostException e) {
                future.completeExceptionally(e);
            }
        });
        return new NameLookup(future);
    }

    private static String asciiHost(String name) throws NetworkException {
        if (name.isEmpty() || name.chars().anyMatch(c -> FORBIDDEN.indexOf(c) >= 0)) {
            throw new NetworkException(SocketErrorCode.INVALID_ARGUMENT, "not a valid host name: " + name);
        }
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new NetworkException(SocketErrorCode.INVALID_ARGUMENT, "not a valid host name: " + e.getMessage());
        }
    }

    /** The next address, or null when all were returned; {@code would-block} while resolving. */
    InetAddress next() throws NetworkException {
        if (remaining == null) {
            if (!result.isDone()) {
                throw NetworkException.of(SocketErrorCode.WOULD_BLOCK);
            }
            try {
                remaining = new ArrayDeque<>(result.join());
            } catch (CompletionException e) {
                throw failure(e.getCause());
            }
        }
        return remaining.pollFirst();
    }

    Pollable readiness() {
        return result::isDone;
    }

    private static NetworkException failure(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        SocketErrorCode code = message.contains("Temporary failure") || message.contains("try again")
                ? SocketErrorCode.TEMPORARY_RESOLVER_FAILURE : SocketErrorCode.NAME_UNRESOLVABLE;
        return new NetworkException(code, message);
    }

    @Override
    public void close() {
        result.cancel(false);
    }
}
