package dev.jwc.types;

import java.util.List;
import java.util.Optional;

/**
 * A resolved component value type: type indices are gone, every nested type is present and resource
 * types are identities ({@link ResourceType}), so two types are equal exactly when the component model
 * considers them the same type.
 */
public sealed interface ValueType permits ValueType.Primitive, ValueType.ListType, ValueType.FixedListType,
        ValueType.RecordType, ValueType.TupleType, ValueType.VariantType, ValueType.EnumType,
        ValueType.OptionType, ValueType.ResultType, ValueType.FlagsType, ValueType.Own, ValueType.Borrow,
        ValueType.FutureType, ValueType.StreamType, ValueType.MapType {

    /** The primitive types; {@code ERROR_CONTEXT} is the async proposal's error context. */
    enum Primitive implements ValueType {
        BOOL("bool"), S8("s8"), U8("u8"), S16("s16"), U16("u16"), S32("s32"), U32("u32"), S64("s64"),
        U64("u64"), F32("f32"), F64("f64"), CHAR("char"), STRING("string"), ERROR_CONTEXT("error-context");

        private final String witName;

        Primitive(String witName) {
            this.witName = witName;
        }

        /** The name WIT gives this type, e.g. {@code u32}. */
        public String witName() {
            return witName;
        }
    }

    record ListType(ValueType element) implements ValueType {
    }

    /** {@code list<t, n>}: exactly {@code length} elements. */
    record FixedListType(ValueType element, int length) implements ValueType {
        public FixedListType {
            if (length <= 0) {
                throw new IllegalArgumentException("fixed-size list length must be positive: " + length);
            }
        }
    }

    record RecordType(List<Field> fields) implements ValueType {
        public RecordType {
            fields = List.copyOf(fields);
        }
    }

    record Field(String name, ValueType type) {
    }

    record TupleType(List<ValueType> types) implements ValueType {
        public TupleType {
            types = List.copyOf(types);
        }
    }

    record VariantType(List<Case> cases) implements ValueType {
        public VariantType {
            cases = List.copyOf(cases);
        }

        /** The index of case {@code name}, or -1. */
        public int indexOf(String name) {
            for (int i = 0; i < cases.size(); i++) {
                if (cases.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    record Case(String name, Optional<ValueType> type) {
    }

    record EnumType(List<String> names) implements ValueType {
        public EnumType {
            names = List.copyOf(names);
        }
    }

    record OptionType(ValueType type) implements ValueType {
    }

    record ResultType(Optional<ValueType> ok, Optional<ValueType> error) implements ValueType {
    }

    record FlagsType(List<String> names) implements ValueType {
        public FlagsType {
            names = List.copyOf(names);
        }
    }

    /** An owned handle to a resource of type {@code resource}. */
    record Own(ResourceType resource) implements ValueType {
    }

    /** A borrowed handle to a resource of type {@code resource}. */
    record Borrow(ResourceType resource) implements ValueType {
    }

    /** {@code future<t>}, with no payload type when {@code element} is empty. */
    record FutureType(Optional<ValueType> element) implements ValueType {
    }

    /** {@code stream<t>}, with no payload type when {@code element} is empty. */
    record StreamType(Optional<ValueType> element) implements ValueType {
    }

    /** {@code map<k, v>}. */
    record MapType(ValueType key, ValueType value) implements ValueType {
    }
}
