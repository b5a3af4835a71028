package dev.jwc.binary.component;

/** The type of an import or export ({@code externtype}). */
public sealed interface ExternType {

    /** The index space an import or export of this type extends. */
    default Sort sort() {
        return switch (this) {
            case Module m -> CoreSort.MODULE;
            case Func f -> ComponentSort.FUNC;
            case Value v -> ComponentSort.VALUE;
            case Type t -> ComponentSort.TYPE;
            case Component c -> ComponentSort.COMPONENT;
            case Instance i -> ComponentSort.INSTANCE;
        };
    }

    /** {@code (core module (type i))}. */
    record Module(int coreType) implements ExternType {
    }

    /** {@code (func (type i))}. */
    record Func(int type) implements ExternType {
    }

    /**
     * {@code (value t)} 🪙. Encoded {@code 0x02 valtype} as wasm-tools does; Binary.md's
     * {@code valuebound} prefix ({@code 0x00 i | 0x01 t}) would be ambiguous with type indices 0 and 1.
     */
    record Value(ValType type) implements ExternType {
    }

    /** {@code (type b)}. */
    record Type(TypeBound bound) implements ExternType {
    }

    /** {@code (component (type i))}. */
    record Component(int type) implements ExternType {
    }

    /** {@code (instance (type i))}. */
    record Instance(int type) implements ExternType {
    }

    /** A type bound. */
    sealed interface TypeBound {
        /** {@code (eq i)}. */
        record Eq(int type) implements TypeBound {
        }

        /** {@code (sub resource)}: a fresh abstract resource type. */
        record SubResource() implements TypeBound {
        }
    }
}
