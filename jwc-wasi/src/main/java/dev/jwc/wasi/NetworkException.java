package dev.jwc.wasi;

import java.io.IOException;

/** A socket call failed with a {@code wasi:sockets} error-code, which the guest receives as {@code err}. */
final class NetworkException extends Exception {
    private final SocketErrorCode code;

    NetworkException(SocketErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** The error code the host I/O failure {@code cause} maps onto. */
    NetworkException(IOException cause) {
        super(cause.getMessage(), cause);
        this.code = SocketErrorCode.of(cause);
    }

    static NetworkException of(SocketErrorCode code) {
        return new NetworkException(code, code.witName());
    }

    SocketErrorCode code() {
        return code;
    }
}
