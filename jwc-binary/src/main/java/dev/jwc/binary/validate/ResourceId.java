package dev.jwc.binary.validate;

/**
 * The identity of a resource type. Every {@code (resource ...)} definition and every abstract
 * {@code (sub resource)} import or export gets a fresh {@code id}; two resource types are the same
 * exactly when their ids are equal, which is all {@link #equals} compares. {@code alias} tells apart
 * the names one resource is known by (each import or export of a type introduces a new one), which
 * the rules about named types need.
 */
public record ResourceId(long id, long alias) implements TypeEntry {

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceId other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "resource#" + id;
    }
}
