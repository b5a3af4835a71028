package dev.jwc.runtime.core;

/**
 * A core function. Values travel as longs: i32 sign-extended from its 32 bits, f32 as its raw bits,
 * f64 as its raw bits. Host implementations (canon built-ins) are lambdas.
 */
@FunctionalInterface
public non-sealed interface CoreFunc extends CoreExtern {

    long[] call(long... args);
}
