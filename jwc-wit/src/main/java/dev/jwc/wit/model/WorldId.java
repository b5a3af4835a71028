package dev.jwc.wit.model;

/** Index of a {@link World} in a {@link Resolve}'s world arena. */
public record WorldId(int index) implements Comparable<WorldId> {
    public WorldId {
        if (index < 0) {
            throw new IllegalArgumentException("negative world index: " + index);
        }
    }

    @Override
    public int compareTo(WorldId other) {
        return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return "world#" + index;
    }
}
