package dev.jwc.binary.validate;

/** The resolved type of a component import or export, by sort. */
public sealed interface ExternEntity {

    record Module(ModuleSignature type) implements ExternEntity {
    }

    record Func(FunctionType type) implements ExternEntity {
    }

    /** A value 🪙. */
    record Value(ValueType type) implements ExternEntity {
    }

    /** A type; a resource type is its {@link ResourceId}. */
    record Type(TypeEntry type) implements ExternEntity {
    }

    record Instance(InstanceSignature type) implements ExternEntity {
    }

    record Component(ComponentSignature type) implements ExternEntity {
    }

    /** The sort keyword wasmparser uses in messages. */
    default String kind() {
        return switch (this) {
            case Module m -> "module";
            case Func f -> "func";
            case Value v -> "value";
            case Type t -> "type";
            case Instance i -> "instance";
            case Component c -> "component";
        };
    }
}
