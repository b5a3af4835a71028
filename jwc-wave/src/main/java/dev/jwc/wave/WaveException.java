package dev.jwc.wave;

import java.util.Optional;

/**
 * WAVE text that does not parse, or does not fit the expected type. The message reads
 * {@code line:column: what at offset start..end}; {@link #span()} gives the exact source range.
 */
public final class WaveException extends RuntimeException {
    private final Kind kind;
    private final String detail;
    private final Span span;
    private final String hint;
    private final int line;
    private final int column;

    /** What went wrong; {@link #text()} is the wording wasm-wave uses. */
    public enum Kind {
        EMPTY_TUPLE("empty tuple"),
        MULTIPLE_CHARS("multiple characters in char value"),
        INVALID_ESCAPE("invalid character escape"),
        INVALID_MULTILINE_STRING("invalid multiline string"),
        INVALID_PARAMS("invalid params"),
        INVALID_TOKEN("invalid token"),
        INVALID_TYPE("invalid value type"),
        INVALID_VALUE("invalid value"),
        TRAILING_CHARACTERS("trailing characters after value"),
        UNEXPECTED_END("unexpected end of input"),
        UNEXPECTED_TOKEN("unexpected token"),
        DUPLICATE_FIELD("duplicate field"),
        DUPLICATE_FLAG("duplicate flag"),
        VALUE_ERROR("error converting Wasm value"),
        NESTING_TOO_DEEP("value nesting too deep");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    WaveException(Kind kind, String detail, Span span, String source) {
        this(kind, detail, null, span, source);
    }

    /** With {@code hint}, a plain-words explanation that only {@link #getMessage()} shows. */
    WaveException(Kind kind, String detail, String hint, Span span, String source) {
        super(null, null, false, false);
        this.kind = kind;
        this.detail = detail;
        this.hint = hint;
        this.span = span;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < span.start() && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        this.line = line;
        this.column = source.codePointCount(lineStart, Math.min(span.start(), source.length())) + 1;
    }

    public Kind kind() {
        return kind;
    }

    /** The specifics, e.g. the duplicate field's name, when there are any. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** The offending source range, in {@code char} indices of the parsed text. */
    public Span span() {
        return span;
    }

    /** The 1-based line of the span's start. */
    public int line() {
        return line;
    }

    /** The 1-based column (in code points) of the span's start. */
    public int column() {
        return column;
    }

    /** The problem without its position in wasm-wave's words, e.g. {@code duplicate field: "a"}. */
    public String description() {
        return detail == null ? kind.text() : kind.text() + ": " + detail;
    }

    @Override
    public String getMessage() {
        String explained = hint == null ? description() : description() + " (" + hint + ")";
        return line + ":" + column + ": " + explained + " at offset " + span;
    }
}
