package dev.jwc.binary.core.types;

import java.util.List;

/** The structure of a defined type: a function, struct or array type. */
public sealed interface CompositeType permits FuncType, CompositeType.Struct, CompositeType.Array {

    /** A GC struct type. */
    record Struct(List<FieldType> fields) implements CompositeType {
        public Struct {
            fields = List.copyOf(fields);
        }
    }

    /** A GC array type. */
    record Array(FieldType element) implements CompositeType {
    }
}
