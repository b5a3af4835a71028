package dev.jwc.binary.component;

import java.util.List;

/**
 * A core subtype: finality, supertypes and a composite type, optionally {@code shared}.
 * {@code abbreviated} records that it was written as a bare composite type (final, no supertypes).
 */
public record CoreSubType(boolean isFinal, List<Integer> supertypes, boolean shared, CoreCompositeType type,
                          boolean abbreviated) {
    public CoreSubType {
        supertypes = List.copyOf(supertypes);
        if (abbreviated && (!isFinal || !supertypes.isEmpty())) {
            throw new IllegalArgumentException("only a final type without supertypes can be abbreviated");
        }
    }

    /** A final type without supertypes, written in the short form. */
    public static CoreSubType of(CoreCompositeType type) {
        return new CoreSubType(true, List.of(), false, type, true);
    }
}
