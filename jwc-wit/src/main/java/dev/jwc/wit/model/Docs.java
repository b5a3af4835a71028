package dev.jwc.wit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Documentation attached to an item: the text of its {@code ///} or {@code /** *}{@code /} comments with the
 * comment markers removed, lines joined with {@code \n}.
 */
public record Docs(Optional<String> contents) {
    public static final Docs NONE = new Docs(Optional.empty());

    public Docs {
        Objects.requireNonNull(contents, "contents");
    }

    public static Docs of(String contents) {
        return contents == null ? NONE : new Docs(Optional.of(contents));
    }

    public boolean isEmpty() {
        return contents.isEmpty();
    }
}
