package dev.jwc.binary.core.types;

/** A value type: a number or vector type, or a reference type. */
public sealed interface ValType extends StorageType permits NumType, RefType {
}
