package dev.jwc.binary.core.types;

import java.util.List;

/**
 * One defined type: its composite structure, whether it is final, its declared supertypes (type
 * indices) and whether it is {@code shared}. A plain function type is a final subtype without
 * supertypes.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite, boolean shared) {
    public SubType {
        supertypes = List.copyOf(supertypes);
    }

    /** A final, unshared type without supertypes, as the MVP encoding defines. */
    public static SubType plain(CompositeType composite) {
        return new SubType(true, List.of(), composite, false);
    }
}
