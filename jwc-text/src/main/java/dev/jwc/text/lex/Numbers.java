package dev.jwc.text.lex;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import java.math.BigInteger;

/**
 * The values of number literals, with the text format's range rules. Integers come back as the low
 * {@code bits} of a {@code long}; floats as their IEEE 754 bit patterns (so NaN payloads survive).
 */
public final class Numbers {
    private Numbers() {}

    /** {@code uN}: no sign, {@code 0 <= v < 2^bits}. */
    public static long unsigned(String text, int bits, Position at) {
        if (text.startsWith("+") || text.startsWith("-") || !NumberSyntax.isInteger(text)) {
            throw new TextException(at, "expected an unsigned integer, found " + text);
        }
        BigInteger v = integer(text);
        if (v.bitLength() > bits) {
            throw outOfRange(at);
        }
        return v.longValue();
    }

    /**
     * {@code iN}: an unsigned literal below {@code 2^bits}, or a signed one (with {@code +} or {@code -})
     * within {@code [-2^(bits-1), 2^(bits-1))}; the result is the two's complement bit pattern.
     */
    public static long integer(String text, int bits, Position at) {
        if (!NumberSyntax.isInteger(text)) {
            throw new TextException(at, "expected an integer, found " + text);
        }
        BigInteger v = integer(text);
        boolean signed = text.startsWith("+") || text.startsWith("-");
        boolean fits = signed
                ? v.bitLength() <= bits - 1 || v.equals(BigInteger.ONE.shiftLeft(bits - 1).negate())
                : v.bitLength() <= bits;
        if (!fits) {
            throw outOfRange(at);
        }
        return v.longValue();
    }

    /** The exact value of an integer literal. */
    public static BigInteger integer(String text) {
        boolean negative = text.startsWith("-");
        String t = NumberSyntax.unsigned(text).replace("_", "");
        BigInteger v = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
        return negative ? v.negate() : v;
    }

    /** The bits of a 32-bit float literal. */
    public static int f32Bits(String text, Position at) {
        return (int) FloatBits.parse(text, FloatBits.Format.F32, at);
    }

    /** The bits of a 64-bit float literal. */
    public static long f64Bits(String text, Position at) {
        return FloatBits.parse(text, FloatBits.Format.F64, at);
    }

    static TextException outOfRange(Position at) {
        return new TextException(at, "constant out of range");
    }
}
