package dev.jwc.wit.model;

import java.util.Objects;

/** A named function parameter. */
public record Param(String name, Type type) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
