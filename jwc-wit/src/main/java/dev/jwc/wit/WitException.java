package dev.jwc.wit;

import java.nio.file.Path;

/**
 * A WIT document that cannot be lexed, parsed or resolved. Carries the exact position of the offending
 * text (1-based line and column, counted in characters) and the text of that line for rendering.
 */
public final class WitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final int line;
    private final int column;
    private final String detail;
    private final String sourceLine;

    public WitException(Path path, int line, int column, String detail, String sourceLine) {
        super(path + ":" + line + ":" + column + ": " + detail);
        this.path = path;
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.sourceLine = sourceLine;
    }

    /** An error that has no place in a source text, such as a missing directory. */
    public WitException(Path path, String detail) {
        this(path, 0, 0, detail, null);
    }

    public Path path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position. */
    public String detail() {
        return detail;
    }

    /** {@code path:line:col: message}, then the offending line and a caret under the column. */
    public String render() {
        if (line <= 0 || sourceLine == null) {
            return path + ": " + detail;
        }
        String number = Integer.toString(line);
        String gutter = " ".repeat(number.length());
        return path + ":" + line + ":" + column + ": " + detail + "\n"
                + gutter + " |\n"
                + number + " | " + sourceLine + "\n"
                + gutter + " | " + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
