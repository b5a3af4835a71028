package dev.jwc.runtime;

import dev.jwc.runtime.abi.Scalars;
import dev.jwc.runtime.internal.ScalarEntry;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * A {@link Func} called with plain Java values. Mapping: bool {@code Boolean}, s8 {@code Byte},
 * s16 {@code Short}, s32 and u32 {@code Integer} (u32 as its bits), u8 and u16 {@code Integer},
 * s64 and u64 {@code Long} (u64 as its bits), f32 {@code Float}, f64 {@code Double}, char
 * {@code Integer} (code point), string {@code String}; every other type is passed as a {@link Val}.
 * A function without result returns {@code null} ({@link Void}). For all-scalar signatures the Java
 * values are converted straight to and from core values by converters chosen once, here.
 */
public final class TypedFunc<R> {
    private final Func func;
    private final Class<R> result;
    private final List<ValueType> types;
    /** Set when the function has a direct scalar entry; the converters below then belong to it. */
    private final Optional<ScalarEntry> scalarEntry;
    private final ToLongFunction<Object>[] lowerers;
    private final LongFunction<Object> lifter;

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
        this.scalarEntry = func.scalarEntry();
        this.lowerers = scalarEntry.map(TypedFunc::lowerers).orElse(null);
        this.lifter = scalarEntry.flatMap(ScalarEntry::result).map(TypedFunc::lifter).orElse(c -> null);
    }

    @SuppressWarnings("unchecked")
    private static ToLongFunction<Object>[] lowerers(ScalarEntry entry) {
        ToLongFunction<Object>[] out = new ToLongFunction[entry.paramCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lowerer(entry.param(i));
        }
        return out;
    }

    /** Java value to core value; the types whose Java form is wider than their range go through {@link Val}'s checks. */
    private static ToLongFunction<Object> lowerer(Primitive p) {
        return switch (p) {
            case BOOL -> o -> (Boolean) o ? 1L : 0L;
            case S8 -> o -> (Byte) o;
            case S16 -> o -> (Short) o;
            case S32, U32 -> o -> (Integer) o;
            case S64, U64 -> o -> (Long) o;
            case U8, U16, CHAR, F32, F64 -> o -> Scalars.lower(p, toVal(p, o));
            case STRING, ERROR_CONTEXT -> throw new IllegalArgumentException(p + " is not a scalar");
        };
    }

    /** Core value to Java value, as {@link Scalars#lift} followed by {@link #fromVal}. */
    private static LongFunction<Object> lifter(Primitive p) {
        return switch (p) {
            case BOOL -> c -> (int) c != 0;
            case S8 -> c -> (byte) c;
            case S16 -> c -> (short) c;
            case U8 -> c -> (int) c & 0xff;
            case U16 -> c -> (int) c & 0xffff;
            case S32, U32, CHAR -> c -> (int) c;
            case S64, U64 -> c -> c;
            case F32, F64 -> c -> fromVal(Scalars.lift(p, c));
            case STRING, ERROR_CONTEXT -> throw new IllegalArgumentException(p + " is not a scalar");
        };
    }

    public R call(Object... args) {
        if (args.length != types.size()) {
            throw new IllegalArgumentException("expected " + types.size() + " arguments, got " + args.length);
        }
        if (scalarEntry.isPresent()) {
            func.guard().run();
            return result.cast(lifter.apply(scalarEntry.get().call(args, lowerers)));
        }
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
