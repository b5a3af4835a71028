package dev.jwc.binary.core.types;

/** An exception tag, by the index of its function type (attribute 0, the only one defined). */
public record TagType(int typeIndex) implements EntityType {
}
