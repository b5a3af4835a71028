package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.List;
import java.util.Optional;

/**
 * {@code lift_flat} and {@code lower_flat} of the scalar types (every primitive but string and
 * error-context): each is one core value and needs no memory, realloc or borrow scope, so calls whose
 * signature holds only scalars skip the general machinery. A core value is a long as in
 * {@link dev.jwc.runtime.core.CoreFunc}.
 */
public final class Scalars {
    private Scalars() {
    }

    /** The scalar primitive {@code t} is, if it is one. */
    public static Optional<Primitive> scalar(ValueType t) {
        return t instanceof Primitive p && p != Primitive.STRING && p != Primitive.ERROR_CONTEXT
                ? Optional.of(p) : Optional.empty();
    }

    /** The scalar primitives of {@code types}, or empty when one of them is not a scalar. */
    public static Optional<Primitive[]> scalars(List<ValueType> types) {
        Primitive[] out = new Primitive[types.size()];
        for (int i = 0; i < out.length; i++) {
            Optional<Primitive> p = scalar(types.get(i));
            if (p.isEmpty()) {
                return Optional.empty();
            }
            out[i] = p.get();
        }
        return Optional.of(out);
    }

    /** {@code lower_flat} of scalar {@code v} of type {@code p}. */
    public static long lower(Primitive p, Val v) {
        return switch (p) {
            case BOOL -> as(v, Val.Bool.class, p).value() ? 1L : 0L;
            case S8 -> as(v, Val.S8.class, p).value();
            case U8 -> as(v, Val.U8.class, p).value();
            case S16 -> as(v, Val.S16.class, p).value();
            case U16 -> as(v, Val.U16.class, p).value();
            case S32 -> as(v, Val.S32.class, p).value();
            case U32 -> (int) as(v, Val.U32.class, p).value();
            case S64 -> as(v, Val.S64.class, p).value();
            case U64 -> as(v, Val.U64.class, p).value();
            case F32 -> Integer.toUnsignedLong(Lowering.f32Bits(as(v, Val.F32.class, p).value()));
            case F64 -> Lowering.f64Bits(as(v, Val.F64.class, p).value());
            case CHAR -> as(v, Val.Char.class, p).codePoint();
            case STRING, ERROR_CONTEXT -> throw new IllegalArgumentException(p + " is not a scalar");
        };
    }

    /** {@code lift_flat} of core value {@code c} as scalar type {@code p}; traps on an invalid char. */
    public static Val lift(Primitive p, long c) {
        return switch (p) {
            case BOOL -> new Val.Bool((int) c != 0);
            case S8 -> new Val.S8((byte) c);
            case U8 -> new Val.U8((int) c & 0xff);
            case S16 -> new Val.S16((short) c);
            case U16 -> new Val.U16((int) c & 0xffff);
            case S32 -> new Val.S32((int) c);
            case U32 -> new Val.U32(Integer.toUnsignedLong((int) c));
            case S64 -> new Val.S64(c);
            case U64 -> new Val.U64(c);
            case F32 -> Lifting.f32((int) c);
            case F64 -> Lifting.f64(c);
            case CHAR -> Lifting.character((int) c);
            case STRING, ERROR_CONTEXT -> throw new IllegalArgumentException(p + " is not a scalar");
        };
    }

    /**
     * Traps if core value {@code c} has no meaning as type {@code p} (a char outside the Unicode scalar
     * values); the only scalar lift that can fail, checked before a fast call returns.
     */
    public static void checkLift(Primitive p, long c) {
        if (p == Primitive.CHAR) {
            Lifting.character((int) c);
        }
    }

    private static <T extends Val> T as(Val v, Class<T> kind, Primitive p) {
        if (!kind.isInstance(v)) {
            throw new IllegalArgumentException("type mismatch: expected " + p + ", found " + v);
        }
        return kind.cast(v);
    }
}
