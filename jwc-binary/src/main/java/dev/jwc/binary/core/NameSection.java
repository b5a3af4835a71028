package dev.jwc.binary.core;

import java.util.Optional;

/** The decoded {@code name} custom section. */
public record NameSection(Names names, Optional<SectionId> after) implements CustomSection {
    public static final String NAME = "name";

    @Override
    public String name() {
        return NAME;
    }
}
