package dev.jwc.wasi;

/** A {@code wasi:filesystem} error-code (its WIT case name) raised by the sandbox or a file operation. */
final class FsException extends Exception {
    private final String code;

    FsException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
