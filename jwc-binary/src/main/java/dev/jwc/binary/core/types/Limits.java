package dev.jwc.binary.core.types;

import java.util.OptionalLong;

/** Minimum and optional maximum size, in pages for memories and elements for tables. */
public record Limits(long min, OptionalLong max) {
    public static Limits of(long min) {
        return new Limits(min, OptionalLong.empty());
    }

    public static Limits of(long min, long max) {
        return new Limits(min, OptionalLong.of(max));
    }
}
