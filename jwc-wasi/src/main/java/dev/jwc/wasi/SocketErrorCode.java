package dev.jwc.wasi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/** The cases of {@code wasi:sockets/network#error-code}, and how host I/O failures map onto them. */
enum SocketErrorCode {
    UNKNOWN, ACCESS_DENIED, NOT_SUPPORTED, INVALID_ARGUMENT, OUT_OF_MEMORY, TIMEOUT, CONCURRENCY_CONFLICT,
    NOT_IN_PROGRESS, WOULD_BLOCK, INVALID_STATE, NEW_SOCKET_LIMIT, ADDRESS_NOT_BINDABLE, ADDRESS_IN_USE,
    REMOTE_UNREACHABLE, CONNECTION_REFUSED, CONNECTION_RESET, CONNECTION_ABORTED, DATAGRAM_TOO_LARGE,
    NAME_UNRESOLVABLE, TEMPORARY_RESOLVER_FAILURE, PERMANENT_RESOLVER_FAILURE;

    /** The WIT case name, e.g. {@code access-denied}. */
    String witName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The code for a failure of a socket call. Java reports most socket errors as a plain
     * {@link IOException} with the operating system's message, so the message decides where the type cannot.
     */
    static SocketErrorCode of(IOException e) {
        String message = String.valueOf(e.getMessage());
        return switch (e) {
            case ClosedChannelException x -> INVALID_STATE;
            // SocketTimeoutException is one
            case InterruptedIOException x -> TIMEOUT;
            case PortUnreachableException x -> CONNECTION_REFUSED;
            case NoRouteToHostException x -> REMOTE_UNREACHABLE;
            case BindException x when message.contains("Cannot assign requested address") -> ADDRESS_NOT_BINDABLE;
            case BindException x when message.contains("Permission denied") -> ACCESS_DENIED;
            case BindException x -> ADDRESS_IN_USE;
            case ConnectException x when message.contains("timed out") -> TIMEOUT;
            case ConnectException x when message.contains("unreachable") -> REMOTE_UNREACHABLE;
            case ConnectException x -> CONNECTION_REFUSED;
            default -> byMessage(message);
        };
    }

    private static SocketErrorCode byMessage(String message) {
        if (message.contains("Connection reset") || message.contains("Broken pipe")) {
            return CONNECTION_RESET;
        }
        if (message.contains("Connection refused")) {
            return CONNECTION_REFUSED;
        }
        if (message.contains("Connection aborted") || message.contains("connection abort")) {
            return CONNECTION_ABORTED;
        }
        if (message.contains("unreachable") || message.contains("No route to host")) {
            return REMOTE_UNREACHABLE;
        }
        if (message.contains("Message too long")) {
            return DATAGRAM_TOO_LARGE;
        }
        if (message.contains("Too many open files")) {
            return NEW_SOCKET_LIMIT;
        }
        if (message.contains("Invalid argument")) {
            return INVALID_ARGUMENT;
        }
        if (message.contains("Permission denied") || message.contains("Operation not permitted")) {
            return ACCESS_DENIED;
        }
        if (message.contains("family") && message.contains("not supported") || message.contains("unavailable")) {
            return NOT_SUPPORTED;
        }
        if (message.contains("Address already in use")) {
            return ADDRESS_IN_USE;
        }
        if (message.contains("Cannot assign requested address")) {
            return ADDRESS_NOT_BINDABLE;
        }
        return UNKNOWN;
    }
}
