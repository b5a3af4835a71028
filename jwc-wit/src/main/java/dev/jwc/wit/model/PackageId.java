package dev.jwc.wit.model;

/** Index of a {@link WitPackage} in a {@link Resolve}'s package arena. */
public record PackageId(int index) implements Comparable<PackageId> {
    public PackageId {
        if (index < 0) {
            throw new IllegalArgumentException("negative package index: " + index);
        }
    }

    @Override
    public int compareTo(PackageId other) {
        return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return "package#" + index;
    }
}
