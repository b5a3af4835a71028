package dev.jwc.text.lex;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import java.math.BigInteger;

/**
 * Converts float literals to IEEE 754 bits with round-to-nearest-even, exactly: the literal is turned
 * into a fraction of big integers and rounded once, so decimal and hexadecimal forms are both precise.
 */
final class FloatBits {
    private FloatBits() {}

    enum Format {
        F32(23, 8),
        F64(52, 11);

        final int mantissaBits;
        final int exponentBits;

        Format(int mantissaBits, int exponentBits) {
            this.mantissaBits = mantissaBits;
            this.exponentBits = exponentBits;
        }

        int bias() {
            return (1 << (exponentBits - 1)) - 1;
        }

        long signBit() {
            return 1L << (mantissaBits + exponentBits);
        }

        long infinity() {
            return ((1L << exponentBits) - 1) << mantissaBits;
        }
    }

    /** Beyond this many powers of two or ten the value is surely out of range or zero. */
    private static final int EXPONENT_CLAMP = 5000;

    static long parse(String text, Format f, Position at) {
        if (!NumberSyntax.isInteger(text) && !NumberSyntax.isFloat(text)) {
            throw new TextException(at, "expected a float, found " + text);
        }
        long sign = text.startsWith("-") ? f.signBit() : 0;
        String t = NumberSyntax.unsigned(text).replace("_", "");
        if (t.equals("inf")) {
            return sign | f.infinity();
        }
        if (t.equals("nan")) {
            return sign | f.infinity() | 1L << (f.mantissaBits - 1);
        }
        if (t.startsWith("nan:0x")) {
            BigInteger payload = new BigInteger(t.substring(6), 16);
            if (payload.signum() == 0 || payload.bitLength() > f.mantissaBits) {
                throw Numbers.outOfRange(at);
            }
            return sign | f.infinity() | payload.longValue();
        }
        return sign | (t.startsWith("0x") ? hex(t.substring(2), f, at) : decimal(t, f, at));
    }

    private static long hex(String t, Format f, Position at) {
        int p = Math.max(t.indexOf('p'), t.indexOf('P'));
        long exp = p < 0 ? 0 : clampedExponent(t.substring(p + 1));
        String mantissa = p < 0 ? t : t.substring(0, p);
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int fractionDigits = dot < 0 ? 0 : mantissa.length() - dot - 1;
        BigInteger m = new BigInteger(digits, 16);
        return round(m, exp - 4L * fractionDigits, BigInteger.ONE, f, at);
    }

    private static long decimal(String t, Format f, Position at) {
        int e = Math.max(t.indexOf('e'), t.indexOf('E'));
        long exp = e < 0 ? 0 : clampedExponent(t.substring(e + 1));
        String mantissa = e < 0 ? t : t.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int fractionDigits = dot < 0 ? 0 : mantissa.length() - dot - 1;
        BigInteger m = new BigInteger(digits);
        long exp10 = exp - fractionDigits;
        if (m.signum() == 0) {
            return 0;
        }
        long magnitude = exp10 + digits.length();
        if (magnitude > EXPONENT_CLAMP) {
            throw Numbers.outOfRange(at);
        }
        if (magnitude < -EXPONENT_CLAMP) {
            return 0;
        }
        // m * 10^exp10 = m * 5^exp10 * 2^exp10
        BigInteger five = BigInteger.valueOf(5).pow((int) Math.abs(exp10));
        return exp10 >= 0
                ? round(m.multiply(five), exp10, BigInteger.ONE, f, at)
                : round(m, exp10, five, f, at);
    }

    private static long clampedExponent(String s) {
        BigInteger v = Numbers.integer(s);
        return v.max(BigInteger.valueOf(-4 * EXPONENT_CLAMP)).min(BigInteger.valueOf(4 * EXPONENT_CLAMP)).longValue();
    }

    /** Rounds {@code num / den * 2^exp2} (positive, num >= 0) to the format; returns the unsigned bits. */
    private static long round(BigInteger num, long exp2, BigInteger den, Format f, Position at) {
        if (num.signum() == 0) {
            return 0;
        }
        int precision = f.mantissaBits + 1;
        // Scale so that the integer quotient q carries at least precision + 2 bits.
        long scale = (precision + 3) - (num.bitLength() - den.bitLength());
        BigInteger[] qr = divide(num, den, scale);
        if (qr[0].bitLength() < precision + 3) {
            scale++;
            qr = divide(num, den, scale);
        }
        BigInteger q = qr[0];
        boolean sticky = qr[1].signum() != 0;
        // value = q * 2^(exp2 - scale); leading bit at exponent E.
        long base = exp2 - scale;
        long leading = q.bitLength() - 1 + base;
        long minExponent = 1 - f.bias();
        if (leading > f.bias()) {
            throw Numbers.outOfRange(at);
        }
        long quantum = Math.max(leading, minExponent) - f.mantissaBits;
        long drop = quantum - base;
        if (drop > q.bitLength() + 1) {
            return 0; // far below the smallest subnormal
        }
        BigInteger r = q.shiftRight((int) drop);
        BigInteger rest = q.subtract(r.shiftLeft((int) drop));
        BigInteger half = BigInteger.ONE.shiftLeft((int) drop - 1);
        int cmp = rest.compareTo(half);
        if (cmp > 0 || (cmp == 0 && (sticky || r.testBit(0)))) {
            r = r.add(BigInteger.ONE);
        }
        if (r.bitLength() > precision) {
            r = r.shiftRight(1);
            quantum++;
        }
        if (r.bitLength() < precision) {
            return r.longValue(); // subnormal (or zero): biased exponent 0
        }
        long biased = quantum + f.mantissaBits + f.bias();
        if (biased >= (1L << f.exponentBits) - 1) {
            throw Numbers.outOfRange(at);
        }
        return biased << f.mantissaBits | (r.longValue() & ((1L << f.mantissaBits) - 1));
    }

    private static BigInteger[] divide(BigInteger num, BigInteger den, long scale) {
        return scale >= 0
                ? num.shiftLeft((int) scale).divideAndRemainder(den)
                : num.divideAndRemainder(den.shiftLeft((int) -scale));
    }
}
