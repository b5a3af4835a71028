package dev.jwc.binary.component;

/** A core value type: a number or vector type, or a reference type. */
public sealed interface CoreValType extends CoreCompositeType.StorageType permits CoreValType.Num, CoreValType.Ref {

    enum Num implements CoreValType {
        I32(0x7f, "i32"),
        I64(0x7e, "i64"),
        F32(0x7d, "f32"),
        F64(0x7c, "f64"),
        V128(0x7b, "v128");

        private final int code;
        private final String keyword;

        Num(int code, String keyword) {
            this.code = code;
            this.keyword = keyword;
        }

        public int code() {
            return code;
        }

        public String keyword() {
            return keyword;
        }

        public static Num fromCode(int code) {
            for (Num n : values()) {
                if (n.code == code) {
                    return n;
                }
            }
            return null;
        }
    }

    /**
     * {@code (ref null? ht)}. {@code abbreviated} records the one-byte form ({@code funcref} for
     * {@code (ref null func)}), only possible for a nullable non-shared abstract heap type.
     */
    record Ref(boolean nullable, HeapType heap, boolean abbreviated) implements CoreValType {
        public Ref {
            if (abbreviated && !(nullable && heap instanceof HeapType.Abstract a && !a.shared())) {
                throw new IllegalArgumentException("only nullable unshared abstract references abbreviate");
            }
        }
    }

    /** A heap type: abstract (optionally shared) or a concrete type index. */
    sealed interface HeapType {
        record Abstract(AbstractHeap kind, boolean shared) implements HeapType {
        }

        record Concrete(int index) implements HeapType {
        }
    }

    enum AbstractHeap {
        FUNC(0x70, "func"),
        EXTERN(0x6f, "extern"),
        ANY(0x6e, "any"),
        EQ(0x6d, "eq"),
        I31(0x6c, "i31"),
        STRUCT(0x6b, "struct"),
        ARRAY(0x6a, "array"),
        EXN(0x69, "exn"),
        CONT(0x68, "cont"),
        NONE(0x71, "none"),
        NOEXTERN(0x72, "noextern"),
        NOFUNC(0x73, "nofunc"),
        NOEXN(0x74, "noexn"),
        NOCONT(0x75, "nocont");

        private final int code;
        private final String keyword;

        AbstractHeap(int code, String keyword) {
            this.code = code;
            this.keyword = keyword;
        }

        public int code() {
            return code;
        }

        public String keyword() {
            return keyword;
        }

        public static AbstractHeap fromCode(int code) {
            for (AbstractHeap h : values()) {
                if (h.code == code) {
                    return h;
                }
            }
            return null;
        }
    }
}
