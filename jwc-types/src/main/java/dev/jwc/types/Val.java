package dev.jwc.types;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A component value: one record per WIT value kind, built without type handles ({@code Val.u32(5)},
 * {@code Val.string("x")}, {@code new Val.Record(...)}). Whether a value fits a {@link ValueType} is
 * checked where it crosses into a component.
 */
public sealed interface Val {

    record Bool(boolean value) implements Val {
    }

    record S8(byte value) implements Val {
    }

    /** An unsigned byte, {@code 0..255}. */
    record U8(int value) implements Val {
        public U8 {
            checkRange("u8", value, 0xff);
        }
    }

    record S16(short value) implements Val {
    }

    /** An unsigned 16-bit integer, {@code 0..65535}. */
    record U16(int value) implements Val {
        public U16 {
            checkRange("u16", value, 0xffff);
        }
    }

    record S32(int value) implements Val {
    }

    /** An unsigned 32-bit integer held in a long, {@code 0..2^32-1}. */
    record U32(long value) implements Val {
        public U32 {
            checkRange("u32", value, 0xffff_ffffL);
        }

        /** The same 32 bits as a Java int. */
        public int bits() {
            return (int) value;
        }
    }

    record S64(long value) implements Val {
    }

    /** An unsigned 64-bit integer: {@code value} holds its bits (see {@link Long#toUnsignedString}). */
    record U64(long value) implements Val {
        @Override
        public String toString() {
            return "U64[value=" + Long.toUnsignedString(value) + "]";
        }
    }

    record F32(float value) implements Val {
    }

    record F64(double value) implements Val {
    }

    /** A Unicode scalar value (no surrogates). */
    record Char(int codePoint) implements Val {
        public Char {
            if (codePoint < 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                throw new IllegalArgumentException("not a Unicode scalar value: 0x" + Integer.toHexString(codePoint));
            }
        }
    }

    record Str(String value) implements Val {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    record List(java.util.List<Val> elements) implements Val {
        public List {
            elements = java.util.List.copyOf(elements);
        }
    }

    /** {@code list<t, n>}: the length is the type's. */
    record FixedList(java.util.List<Val> elements) implements Val {
        public FixedList {
            elements = java.util.List.copyOf(elements);
        }
    }

    record Record(java.util.List<Field> fields) implements Val {
        public Record {
            fields = java.util.List.copyOf(fields);
        }

        /** The value of field {@code name}, or empty. */
        public Optional<Val> get(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst();
        }
    }

    record Field(String name, Val value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    record Tuple(java.util.List<Val> elements) implements Val {
        public Tuple {
            elements = java.util.List.copyOf(elements);
        }
    }

    /** The variant case {@code name}, with a payload when the case has a type. */
    record Variant(String name, Optional<Val> payload) implements Val {
        public Variant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(payload, "payload");
        }
    }

    record Enum(String name) implements Val {
        public Enum {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code some(v)} when {@code value} is present, else {@code none}. */
    record Option(Optional<Val> value) implements Val {
        public Option {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code ok(v?)} when {@code isOk}, else {@code err(v?)}. */
    record Result(boolean isOk, Optional<Val> payload) implements Val {
        public Result {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** The set flags; equality ignores order, iteration keeps the given order. */
    record Flags(Set<String> names) implements Val {
        public Flags {
            names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
        }
    }

    record Own(ResourceHandle handle) implements Val {
        public Own {
            Objects.requireNonNull(handle, "handle");
        }
    }

    record Borrow(ResourceHandle handle) implements Val {
        public Borrow {
            Objects.requireNonNull(handle, "handle");
        }
    }

    /** A future handle (async proposal). */
    record Future(int handle) implements Val {
    }

    /** A stream handle (async proposal). */
    record Stream(int handle) implements Val {
    }

    /** An error-context handle (async proposal). */
    record ErrorContext(int handle) implements Val {
    }

    /** {@code map<k, v>} entries in order. */
    record Map(java.util.List<Entry> entries) implements Val {
        public Map {
            entries = java.util.List.copyOf(entries);
        }
    }

    record Entry(Val key, Val value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    static Val bool(boolean v) {
        return new Bool(v);
    }

    static Val s8(int v) {
        checkRange("s8", v, Byte.MIN_VALUE, Byte.MAX_VALUE);
        return new S8((byte) v);
    }

    static Val u8(int v) {
        return new U8(v);
    }

    static Val s16(int v) {
        checkRange("s16", v, Short.MIN_VALUE, Short.MAX_VALUE);
        return new S16((short) v);
    }

    static Val u16(int v) {
        return new U16(v);
    }

    static Val s32(int v) {
        return new S32(v);
    }

    static Val u32(long v) {
        return new U32(v);
    }

    static Val s64(long v) {
        return new S64(v);
    }

    /** A u64 from its bits; {@code -1L} is 2^64-1. */
    static Val u64(long bits) {
        return new U64(bits);
    }

    static Val f32(float v) {
        return new F32(v);
    }

    static Val f64(double v) {
        return new F64(v);
    }

    static Val character(int codePoint) {
        return new Char(codePoint);
    }

    static Val string(String v) {
        return new Str(v);
    }

    static Val list(Val... elements) {
        return new List(Arrays.asList(elements));
    }

    static Val tuple(Val... elements) {
        return new Tuple(Arrays.asList(elements));
    }

    static Field field(String name, Val value) {
        return new Field(name, value);
    }

    static Val record(Field... fields) {
        return new Record(Arrays.asList(fields));
    }

    static Val variant(String name, Val payload) {
        return new Variant(name, Optional.of(payload));
    }

    static Val variant(String name) {
        return new Variant(name, Optional.empty());
    }

    static Val enumCase(String name) {
        return new Enum(name);
    }

    static Val some(Val v) {
        return new Option(Optional.of(v));
    }

    static Val none() {
        return new Option(Optional.empty());
    }

    static Val ok(Val v) {
        return new Result(true, Optional.of(v));
    }

    static Val ok() {
        return new Result(true, Optional.empty());
    }

    static Val err(Val v) {
        return new Result(false, Optional.of(v));
    }

    static Val err() {
        return new Result(false, Optional.empty());
    }

    static Val flags(String... names) {
        return new Flags(new LinkedHashSet<>(Arrays.asList(names)));
    }

    private static void checkRange(String type, long v, long max) {
        checkRange(type, v, 0, max);
    }

    private static void checkRange(String type, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " is out of range for " + type);
        }
    }
}
