package dev.jwc.wasi;

import java.io.IOException;

/** The stream is closed for good (e.g. its socket was shut down): the guest sees {@code stream-error.closed}. */
final class StreamClosedException extends IOException {
    StreamClosedException(String message) {
        super(message);
    }
}
