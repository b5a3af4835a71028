package dev.jwc.binary.component;

import java.util.List;

/** A core composite type: function, struct, array, or continuation (stack switching). */
public sealed interface CoreCompositeType {

    record Func(List<CoreValType> params, List<CoreValType> results) implements CoreCompositeType {
        public Func {
            params = List.copyOf(params);
            results = List.copyOf(results);
        }
    }

    record Struct(List<FieldType> fields) implements CoreCompositeType {
        public Struct {
            fields = List.copyOf(fields);
        }
    }

    record Array(FieldType element) implements CoreCompositeType {
    }

    /** {@code (cont $ft)}. */
    record Cont(int funcType) implements CoreCompositeType {
    }

    record FieldType(StorageType storage, boolean mutable) {
    }

    /** A field's storage: a value type or a packed integer. */
    sealed interface StorageType permits CoreValType, Packed {
    }

    enum Packed implements StorageType {
        I8(0x78),
        I16(0x77);

        private final int code;

        Packed(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
