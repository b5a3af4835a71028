package dev.jwc.binary.core.types;

import java.util.List;

/**
 * A recursion group of the type section. {@code explicit} says whether it was written with the
 * {@code rec} form (0x4E), which a single type can also use.
 */
public record RecGroup(List<SubType> types, boolean explicit) {
    public RecGroup {
        types = List.copyOf(types);
        if (!explicit && types.size() != 1) {
            throw new IllegalArgumentException("an implicit recursion group holds exactly one type");
        }
    }

    public static RecGroup single(SubType type) {
        return new RecGroup(List.of(type), false);
    }
}
