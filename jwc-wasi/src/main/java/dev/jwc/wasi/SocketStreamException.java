package dev.jwc.wasi;

import java.io.IOException;

/** A socket stream failed: the {@code wasi:io/error} it becomes answers {@code network-error-code}. */
final class SocketStreamException extends IOException {
    private final SocketErrorCode code;

    SocketStreamException(IOException cause) {
        super(cause.getMessage(), cause);
        this.code = SocketErrorCode.of(cause);
    }

    SocketErrorCode code() {
        return code;
    }
}
