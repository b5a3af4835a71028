package dev.jwc.wit.model;

/** Index of a {@link TypeDef} in a {@link Resolve}'s type arena. */
public record TypeId(int index) implements Comparable<TypeId> {
    public TypeId {
        if (index < 0) {
            throw new IllegalArgumentException("negative type index: " + index);
        }
    }

    @Override
    public int compareTo(TypeId other) {
        return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return "type#" + index;
    }
}
