package dev.jwc.runtime;

import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Func} called with plain Java values. Mapping: bool {@code Boolean}, s8 {@code Byte},
 * s16 {@code Short}, s32 and u32 {@code Integer} (u32 as its bits), u8 and u16 {@code Integer},
 * s64 and u64 {@code Long} (u64 as its bits), f32 {@code Float}, f64 {@code Double}, char
 * {@code Integer} (code point), string {@code String}; every other type is passed as a {@link Val}.
 * A function without result returns {@code null} ({@link Void}).
 */
public final class TypedFunc<R> {
    private final Func func;
    private final Class<R> result;
    private final List<ValueType> types;

    TypedFunc(Func func, Class<R> result, List<Class<?>> params) {
        this.func = func;
        this.result = result;
        this.types = func.type().paramTypes();
        if (types.size() != params.size()) {
            throw new IllegalArgumentException("function takes " + types.size() + " parameters, not " + params.size());
        }
        for (int i = 0; i < params.size(); i++) {
            check(types.get(i), params.get(i));
        }
        if (func.type().result().isEmpty()) {
            if (result != Void.class) {
                throw new IllegalArgumentException("function has no result; use Void.class");
            }
        } else {
            check(func.type().result().get(), result);
        }
    }

    public R call(Object... args) {
        List<Val> vals = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            vals.add(toVal(types.get(i), args[i]));
        }
        Optional<Val> r = func.call(vals);
        return r.map(v -> result.cast(fromVal(v))).orElse(null);
    }

    private static Class<?> javaType(ValueType t) {
        if (!(t instanceof Primitive p)) {
            return Val.class;
        }
        return switch (p) {
            case BOOL -> Boolean.class;
            case S8 -> Byte.class;
            case S16 -> Short.class;
            case U8, U16, S32, U32, CHAR -> Integer.class;
            case S64, U64 -> Long.class;
            case F32 -> Float.class;
            case F64 -> Double.class;
            case STRING -> String.class;
            case ERROR_CONTEXT -> Val.class;
        };
    }

    private static void check(ValueType t, Class<?> given) {
        Class<?> expected = javaType(t);
        if (!expected.equals(given)) {
            throw new IllegalArgumentException("type " + t + " maps to " + expected.getSimpleName() + ", not "
                    + given.getSimpleName());
        }
    }

    private static Val toVal(ValueType t, Object o) {
        if (!(t instanceof Primitive p)) {
            return (Val) o;
        }
        return switch (p) {
            case BOOL -> Val.bool((Boolean) o);
            case S8 -> Val.s8((Byte) o);
            case S16 -> Val.s16((Short) o);
            case U8 -> Val.u8((Integer) o);
            case U16 -> Val.u16((Integer) o);
            case S32 -> Val.s32((Integer) o);
            case U32 -> Val.u32(Integer.toUnsignedLong((Integer) o));
            case CHAR -> Val.character((Integer) o);
            case S64 -> Val.s64((Long) o);
            case U64 -> Val.u64((Long) o);
            case F32 -> Val.f32((Float) o);
            case F64 -> Val.f64((Double) o);
            case STRING -> Val.string((String) o);
            case ERROR_CONTEXT -> (Val) o;
        };
    }

    private static Object fromVal(Val v) {
        return switch (v) {
            case Val.Bool b -> b.value();
            case Val.S8 x -> x.value();
            case Val.S16 x -> x.value();
            case Val.U8 x -> x.value();
            case Val.U16 x -> x.value();
            case Val.S32 x -> x.value();
            case Val.U32 x -> x.bits();
            case Val.Char x -> x.codePoint();
            case Val.S64 x -> x.value();
            case Val.U64 x -> x.value();
            case Val.F32 x -> x.value();
            case Val.F64 x -> x.value();
            case Val.Str x -> x.value();
            default -> v;
        };
    }
}
