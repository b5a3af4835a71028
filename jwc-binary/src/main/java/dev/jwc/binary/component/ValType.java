package dev.jwc.binary.component;

/** A component value type: a primitive or the index of a defined value type. */
public sealed interface ValType permits PrimitiveType, ValType.Ref {

    /** A reference to type {@code index} of the current type index space. */
    record Ref(int index) implements ValType {
    }
}
