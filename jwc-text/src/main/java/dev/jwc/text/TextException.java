package dev.jwc.text;

/**
 * Malformed text: the message is {@code line:col: detail}. Callers that know the file name prefix it
 * ({@code file:line:col: detail}) with {@link #withFile(String)}.
 */
public final class TextException extends RuntimeException {
    private final Position position;
    private final String detail;

    public TextException(Position position, String detail) {
        super(position + ": " + detail);
        this.position = position;
        this.detail = detail;
    }

    public Position position() {
        return position;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }

    /** {@code file:line:col: detail}. */
    public String withFile(String file) {
        return file + ":" + getMessage();
    }
}
