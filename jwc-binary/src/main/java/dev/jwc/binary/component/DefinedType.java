package dev.jwc.binary.component;

import java.util.List;
import java.util.Optional;

/** A defined value type ({@code defvaltype}). */
public sealed interface DefinedType extends TypeDef permits PrimitiveType, DefinedType.Record,
        DefinedType.Variant, DefinedType.ListOf, DefinedType.FixedList, DefinedType.Tuple, DefinedType.Flags,
        DefinedType.Enum, DefinedType.Option, DefinedType.Result, DefinedType.Own, DefinedType.Borrow,
        DefinedType.Stream, DefinedType.Future, DefinedType.MapOf {

    record Record(List<Field> fields) implements DefinedType {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    record Field(String name, ValType type) {
    }

    record Variant(List<Case> cases) implements DefinedType {
        public Variant {
            cases = List.copyOf(cases);
        }
    }

    record Case(String name, Optional<ValType> type) {
    }

    record ListOf(ValType element) implements DefinedType {
    }

    /** {@code (list t len)} 🔧. */
    record FixedList(ValType element, int length) implements DefinedType {
    }

    record Tuple(List<ValType> types) implements DefinedType {
        public Tuple {
            types = List.copyOf(types);
        }
    }

    record Flags(List<String> names) implements DefinedType {
        public Flags {
            names = List.copyOf(names);
        }
    }

    record Enum(List<String> names) implements DefinedType {
        public Enum {
            names = List.copyOf(names);
        }
    }

    record Option(ValType type) implements DefinedType {
    }

    record Result(Optional<ValType> ok, Optional<ValType> error) implements DefinedType {
    }

    record Own(int resource) implements DefinedType {
    }

    record Borrow(int resource) implements DefinedType {
    }

    /** {@code (stream t?)} 🔀. */
    record Stream(Optional<ValType> element) implements DefinedType {
    }

    /** {@code (future t?)} 🔀. */
    record Future(Optional<ValType> element) implements DefinedType {
    }

    /** {@code (map k v)} 🗺️. */
    record MapOf(ValType key, ValType value) implements DefinedType {
    }
}
