package dev.jwc.text.wast;

import java.util.List;
import java.util.Optional;

/** A component-model value as wasm-tools' wast syntax writes it ({@code (u32.const 1)}, {@code (str.const "x")}, ...). */
public sealed interface ComponentValue extends WastValue, WastResult {
    /** The integer types with their width and signedness. */
    enum IntKind {
        U8(8, false), S8(8, true), U16(16, false), S16(16, true),
        U32(32, false), S32(32, true), U64(64, false), S64(64, true);

        public final int bits;
        public final boolean signed;

        IntKind(int bits, boolean signed) {
            this.bits = bits;
            this.signed = signed;
        }
    }

    record Bool(boolean value) implements ComponentValue {}

    /** An integer; signed kinds are sign-extended, unsigned ones zero-extended (u64 may read negative). */
    record Int(IntKind kind, long value) implements ComponentValue {}

    record F32(int bits) implements ComponentValue {}

    record F64(long bits) implements ComponentValue {}

    record Char(int codePoint) implements ComponentValue {}

    record Str(String value) implements ComponentValue {}

    record ListOf(List<ComponentValue> elements) implements ComponentValue {
        public ListOf {
            elements = List.copyOf(elements);
        }
    }

    record Field(String name, ComponentValue value) {}

    record Record(List<Field> fields) implements ComponentValue {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    record Tuple(List<ComponentValue> elements) implements ComponentValue {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    record Variant(String caseName, Optional<ComponentValue> payload) implements ComponentValue {}

    record Enum(String caseName) implements ComponentValue {}

    record Option(Optional<ComponentValue> value) implements ComponentValue {}

    record Result(boolean ok, Optional<ComponentValue> payload) implements ComponentValue {}

    record Flags(List<String> names) implements ComponentValue {
        public Flags {
            names = List.copyOf(names);
        }
    }
}
