package dev.jwc.wit.syntax;

import dev.jwc.wit.WitException;

/** A range of characters {@code [start, end)} in one {@link Source}. */
public record Span(Source source, int start, int end) {

    public WitException error(String message) {
        return source.error(start, message);
    }

    public String text() {
        return source.text().substring(start, end);
    }
}
