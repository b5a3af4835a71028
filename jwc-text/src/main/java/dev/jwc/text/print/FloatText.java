package dev.jwc.text.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float constants as wasmprinter writes them: exact hexadecimal ({@code 0x1.8p+1}), {@code inf},
 * {@code nan} or {@code nan:0x...} with the payload, followed by the shortest decimal in a comment
 * ({@code (;=3;)}).
 */
final class FloatText {
    private FloatText() {
    }

    static String f32(int bits) {
        return format(bits & 0xffffffffL, 32, 8, Float.intBitsToFloat(bits));
    }

    static String f64(long bits) {
        return format(bits, 64, 11, Double.longBitsToDouble(bits));
    }

    private static String format(long bits, int width, int expBits, double value) {
        int mantissaBits = width - 1 - expBits;
        long mask = width == 64 ? -1L : 0xffffffffL;
        long signBit = 1L << (width - 1);
        StringBuilder s = new StringBuilder();
        boolean negative = (bits & signBit) != 0;
        if (negative) {
            bits ^= signBit;
            s.append('-');
        }
        long fractionMask = (1L << mantissaBits) - 1;
        int biased = (int) (bits >>> mantissaBits) & ((1 << expBits) - 1);
        long fraction = bits & fractionMask;
        if (biased == (1 << expBits) - 1) {
            if (fraction == 0) {
                return s.append("inf (;=").append(negative ? "-inf" : "inf").append(";)").toString();
            }
            if (fraction == 1L << (mantissaBits - 1)) {
                return s.append("nan (;=NaN;)").toString();
            }
            return s.append("nan:0x").append(Long.toHexString(fraction)).append(" (;=NaN;)").toString();
        }
        int bias = (1 << (expBits - 1)) - 1;
        int exponent = biased - bias;
        s.append("0x");
        if (bits == 0) {
            s.append("0p+0");
        } else {
            s.append('1');
            if (fraction > 0) {
                fraction = (fraction << (width - mantissaBits)) & mask;
                if (biased == 0) {
                    // Subnormal: normalize so that the leading one becomes the implicit bit.
                    int leading = Long.numberOfLeadingZeros(fraction) - (64 - width);
                    fraction = leading < width - 1 ? (fraction << (leading + 1)) & mask : 0;
                    exponent -= leading;
                }
                s.append('.');
                while (fraction != 0) {
                    s.append(Character.forDigit((int) (fraction >>> (width - 4)) & 0xf, 16));
                    fraction = (fraction << 4) & mask;
                }
            }
            s.append('p').append(exponent >= 0 ? "+" : "").append(exponent);
        }
        s.append(" (;=").append(negative ? "-" : "").append(decimal(Math.abs(value), width)).append(";)");
        return s.toString();
    }

    /**
     * The shortest decimal that reads back as the same value, without exponent notation. Java writes at
     * least two significant digits, so a one-digit candidate is tried too.
     */
    private static String decimal(double magnitude, int width) {
        String javaDigits = width == 32 ? Float.toString((float) magnitude) : Double.toString(magnitude);
        BigDecimal shortest = new BigDecimal(javaDigits).stripTrailingZeros();
        if (shortest.precision() == 2) {
            BigDecimal one = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (readsBack(one, magnitude, width)) {
                shortest = one;
            }
        }
        return shortest.stripTrailingZeros().toPlainString();
    }

    private static boolean readsBack(BigDecimal decimal, double magnitude, int width) {
        return width == 32
                ? Float.parseFloat(decimal.toString()) == (float) magnitude
                : Double.parseDouble(decimal.toString()) == magnitude;
    }
}
