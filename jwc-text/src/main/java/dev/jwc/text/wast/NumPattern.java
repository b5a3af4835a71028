package dev.jwc.text.wast;

/** An expected float (or v128 lane): exact bits, or any canonical / arithmetic NaN. */
public sealed interface NumPattern {
    /** Exact bits: a float's IEEE pattern or an integer lane's two's complement value. */
    record Exact(long bits) implements NumPattern {}

    record CanonicalNan() implements NumPattern {}

    record ArithmeticNan() implements NumPattern {}
}
