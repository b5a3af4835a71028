package dev.jwc.binary.component;

/** A component type definition ({@code deftype}). */
public sealed interface TypeDef permits DefinedType, FuncType, ComponentType, InstanceType, ResourceType {
}
