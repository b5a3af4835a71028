package dev.jwc.wit.model;

/** Index of a {@link Interface} in a {@link Resolve}'s interface arena. */
public record InterfaceId(int index) implements Comparable<InterfaceId> {
    public InterfaceId {
        if (index < 0) {
            throw new IllegalArgumentException("negative interface index: " + index);
        }
    }

    @Override
    public int compareTo(InterfaceId other) {
        return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return "interface#" + index;
    }
}
