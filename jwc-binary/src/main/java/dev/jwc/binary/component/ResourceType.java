package dev.jwc.binary.component;

import java.util.OptionalInt;

/**
 * {@code (resource (rep t) (dtor f)?)}: a resource type with its core representation type and the core
 * function index of its destructor.
 */
public record ResourceType(dev.jwc.binary.core.types.ValType rep, OptionalInt destructor) implements TypeDef {
}
