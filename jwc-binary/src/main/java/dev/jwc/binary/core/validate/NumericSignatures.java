package dev.jwc.binary.core.validate;

import static dev.jwc.binary.core.types.NumType.F32;
import static dev.jwc.binary.core.types.NumType.F64;
import static dev.jwc.binary.core.types.NumType.I32;
import static dev.jwc.binary.core.types.NumType.I64;
import static dev.jwc.binary.core.types.NumType.V128;

import dev.jwc.binary.core.instr.ImmediateKind;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.NumType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signatures of the numeric and vector instructions without immediates. They follow the naming
 * scheme of the instruction set ({@code t.op}, {@code t.op_t2} for conversions, {@code v128} shapes),
 * so they are derived from the mnemonics of the {@link Opcode} table instead of listed one by one.
 */
final class NumericSignatures {
    private static final Map<Opcode, Signature> SIGNATURES = new EnumMap<>(Opcode.class);
    private static final Pattern SCALAR = Pattern.compile("(i32|i64|f32|f64)\\.(\\w+)");
    private static final Pattern CONVERSION_SOURCE = Pattern.compile("_(i32|i64|f32|f64)(?:_|$)");
    private static final Pattern VECTOR = Pattern.compile("(v128|i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)\\.(\\w+)");

    static {
        for (Opcode op : Opcode.values()) {
            if (op.immediateKind() != ImmediateKind.NONE) {
                continue;
            }
            Signature s = op.prefix() == Opcode.PREFIX_SIMD ? vector(op.mnemonic()) : scalar(op);
            if (s != null) {
                SIGNATURES.put(op, s);
            }
        }
        SIGNATURES.put(Opcode.I64_ADD128, Signature.of(List.of(I64, I64, I64, I64), I64, I64));
        SIGNATURES.put(Opcode.I64_SUB128, Signature.of(List.of(I64, I64, I64, I64), I64, I64));
        SIGNATURES.put(Opcode.I64_MUL_WIDE_S, Signature.of(List.of(I64, I64), I64, I64));
        SIGNATURES.put(Opcode.I64_MUL_WIDE_U, Signature.of(List.of(I64, I64), I64, I64));
    }

    private NumericSignatures() {
    }

    /** The signature of {@code op}, or {@code null} when it is not a plain numeric/vector instruction. */
    static Signature of(Opcode op) {
        return SIGNATURES.get(op);
    }

    private static Signature scalar(Opcode op) {
        Matcher m = SCALAR.matcher(op.mnemonic());
        if (!m.matches() || op.prefix() == Opcode.PREFIX_THREADS || op.prefix() == Opcode.PREFIX_GC) {
            return null;
        }
        NumType t = type(m.group(1));
        String name = m.group(2);
        Matcher source = CONVERSION_SOURCE.matcher(name);
        if (source.find()) {
            return Signature.of(List.of(type(source.group(1))), t);
        }
        return switch (name) {
            case "eqz" -> Signature.of(List.of(t), I32);
            case "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u", "lt", "gt", "le", "ge" ->
                    Signature.of(List.of(t, t), I32);
            case "clz", "ctz", "popcnt", "abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt", "extend8_s",
                 "extend16_s", "extend32_s" -> Signature.of(List.of(t), t);
            case "add128", "sub128", "mul_wide_s", "mul_wide_u" -> null;
            default -> Signature.of(List.of(t, t), t);
        };
    }

    private static Signature vector(String mnemonic) {
        Matcher m = VECTOR.matcher(mnemonic);
        if (!m.matches()) {
            return null;
        }
        String shape = m.group(1);
        String name = m.group(2);
        if (name.equals("splat")) {
            return Signature.of(List.of(laneType(shape)), V128);
        }
        if (name.equals("any_true") || name.equals("all_true") || name.equals("bitmask")) {
            return Signature.of(List.of(V128), I32);
        }
        if (name.equals("shl") || name.equals("shr_s") || name.equals("shr_u")) {
            return Signature.of(List.of(V128, I32), V128);
        }
        if (name.equals("bitselect") || name.equals("relaxed_madd") || name.equals("relaxed_nmadd")
                || name.equals("relaxed_laneselect") || name.equals("relaxed_dot_i8x16_i7x16_add_s")) {
            return Signature.of(List.of(V128, V128, V128), V128);
        }
        if (isVectorUnary(name)) {
            return Signature.of(List.of(V128), V128);
        }
        return Signature.of(List.of(V128, V128), V128);
    }

    private static boolean isVectorUnary(String name) {
        return switch (name) {
            case "not", "abs", "neg", "popcnt", "sqrt", "ceil", "floor", "trunc", "nearest" -> true;
            default -> name.startsWith("extend_") || name.startsWith("extadd_") || name.startsWith("convert_")
                    || name.startsWith("trunc_sat_") || name.startsWith("demote_") || name.startsWith("promote_")
                    || name.startsWith("relaxed_trunc_");
        };
    }

    /** The scalar type of one lane of a vector shape. */
    static NumType laneType(String shape) {
        return switch (shape) {
            case "i8x16", "i16x8", "i32x4" -> I32;
            case "i64x2" -> I64;
            case "f32x4" -> F32;
            case "f64x2" -> F64;
            default -> V128;
        };
    }

    /** The number of lanes of a vector shape. */
    static int laneCount(String shape) {
        return switch (shape) {
            case "i8x16" -> 16;
            case "i16x8" -> 8;
            case "i32x4", "f32x4" -> 4;
            case "i64x2", "f64x2" -> 2;
            default -> 0;
        };
    }

    private static NumType type(String name) {
        return switch (name) {
            case "i32" -> I32;
            case "i64" -> I64;
            case "f32" -> F32;
            default -> F64;
        };
    }
}
