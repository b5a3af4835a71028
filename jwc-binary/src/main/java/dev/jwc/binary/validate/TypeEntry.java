package dev.jwc.binary.validate;

/** A resolved entry of a component's type index space. */
public sealed interface TypeEntry permits ValueType, FunctionType, InstanceSignature, ComponentSignature, ResourceId {
}
