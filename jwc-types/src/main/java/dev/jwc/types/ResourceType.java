package dev.jwc.types;

/**
 * The identity of a resource type. Equality is identity: every {@code (resource ...)} definition that is
 * instantiated, and every host resource, makes a new type, even when names coincide.
 */
public final class ResourceType {
    private final String name;

    /** A new resource type; {@code name} only serves messages and printing. */
    public ResourceType(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "resource " + name;
    }
}
