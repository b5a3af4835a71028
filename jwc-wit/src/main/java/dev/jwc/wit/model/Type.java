package dev.jwc.wit.model;

import java.util.Objects;

/** A WIT type as used by fields, parameters and results: a primitive, or a reference to a {@link TypeDef}. */
public sealed interface Type {
    Type BOOL = Primitive.BOOL;
    Type U8 = Primitive.U8;
    Type U16 = Primitive.U16;
    Type U32 = Primitive.U32;
    Type U64 = Primitive.U64;
    Type S8 = Primitive.S8;
    Type S16 = Primitive.S16;
    Type S32 = Primitive.S32;
    Type S64 = Primitive.S64;
    Type F32 = Primitive.F32;
    Type F64 = Primitive.F64;
    Type CHAR = Primitive.CHAR;
    Type STRING = Primitive.STRING;
    Type ERROR_CONTEXT = Primitive.ERROR_CONTEXT;

    /** A reference to type definition {@code id}. */
    static Type of(TypeId id) {
        return new Ref(id);
    }

    /** The built-in types, each with its WIT keyword. */
    enum Primitive implements Type {
        BOOL("bool"), U8("u8"), U16("u16"), U32("u32"), U64("u64"), S8("s8"), S16("s16"), S32("s32"),
        S64("s64"), F32("f32"), F64("f64"), CHAR("char"), STRING("string"), ERROR_CONTEXT("error-context");

        private final String witName;

        Primitive(String witName) {
            this.witName = witName;
        }

        /** The WIT keyword, e.g. {@code error-context}. */
        public String witName() {
            return witName;
        }
    }

    /** A reference to a type definition of the arena. */
    record Ref(TypeId id) implements Type {
        public Ref {
            Objects.requireNonNull(id, "id");
        }
    }
}
