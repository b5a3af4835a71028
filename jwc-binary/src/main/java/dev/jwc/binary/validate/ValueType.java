package dev.jwc.binary.validate;

import dev.jwc.binary.component.PrimitiveType;
import java.util.List;
import java.util.Optional;

/**
 * A resolved component value type: type indices are replaced by the types they name and handles by
 * the identity of their resource. Value types cannot be recursive, so this is a finite tree.
 */
public sealed interface ValueType extends TypeEntry {

    record Primitive(PrimitiveType type) implements ValueType {
    }

    record Record(List<Field> fields) implements ValueType {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    record Field(String name, ValueType type) {
    }

    record Variant(List<Case> cases) implements ValueType {
        public Variant {
            cases = List.copyOf(cases);
        }
    }

    record Case(String name, Optional<ValueType> type) {
    }

    record ListOf(ValueType element) implements ValueType {
    }

    record FixedList(ValueType element, int length) implements ValueType {
    }

    record Tuple(List<ValueType> types) implements ValueType {
        public Tuple {
            types = List.copyOf(types);
        }
    }

    record Flags(List<String> names) implements ValueType {
        public Flags {
            names = List.copyOf(names);
        }
    }

    record Enum(List<String> names) implements ValueType {
        public Enum {
            names = List.copyOf(names);
        }
    }

    record Option(ValueType type) implements ValueType {
    }

    record Result(Optional<ValueType> ok, Optional<ValueType> error) implements ValueType {
    }

    record Own(ResourceId resource) implements ValueType {
    }

    record Borrow(ResourceId resource) implements ValueType {
    }

    record Stream(Optional<ValueType> element) implements ValueType {
    }

    record Future(Optional<ValueType> element) implements ValueType {
    }

    record MapOf(ValueType key, ValueType value) implements ValueType {
    }

    /** The keyword wasmparser uses for this kind of type in messages. */
    default String kind() {
        return switch (this) {
            case Primitive p -> p.type().keyword();
            case Record r -> "record";
            case Variant v -> "variant";
            case ListOf l -> "list";
            case FixedList l -> "list";
            case Tuple t -> "tuple";
            case Flags f -> "flags";
            case Enum e -> "enum";
            case Option o -> "option";
            case Result r -> "result";
            case Own o -> "own";
            case Borrow b -> "borrow";
            case Stream s -> "stream";
            case Future f -> "future";
            case MapOf m -> "map";
        };
    }
}
