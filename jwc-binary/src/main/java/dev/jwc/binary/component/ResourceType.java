package dev.jwc.binary.component;

import java.util.OptionalInt;

/** {@code (resource (rep t) (dtor f)?)}: a resource type with its core representation and destructor. */
public record ResourceType(CoreValType rep, OptionalInt destructor) implements TypeDef {
}
