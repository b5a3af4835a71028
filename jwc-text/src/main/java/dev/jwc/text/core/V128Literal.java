package dev.jwc.text.core;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.sexpr.Cursor;

/** The literal of {@code v128.const}: a lane shape keyword and its lanes, encoded as 16 little-endian bytes. */
public final class V128Literal {
    private V128Literal() {}

    /** The number of lanes of a shape, or -1 for an unknown shape. */
    public static int lanes(String shape) {
        return switch (shape) {
            case "i8x16" -> 16;
            case "i16x8" -> 8;
            case "i32x4", "f32x4" -> 4;
            case "i64x2", "f64x2" -> 2;
            default -> -1;
        };
    }

    /** Consumes {@code shape lane*} and returns the 16 bytes. */
    public static byte[] parse(Cursor c) {
        Position at = c.position();
        String shape = c.keyword();
        int lanes = lanes(shape);
        if (lanes < 0) {
            throw new TextException(at, "unknown v128 shape '" + shape + "'");
        }
        int width = 16 / lanes;
        byte[] out = new byte[16];
        for (int lane = 0; lane < lanes; lane++) {
            long bits = switch (shape) {
                case "f32x4" -> c.f32() & 0xffffffffL;
                case "f64x2" -> c.f64();
                default -> c.integer(width * 8);
            };
            for (int b = 0; b < width; b++) {
                out[lane * width + b] = (byte) (bits >>> (8 * b));
            }
        }
        return out;
    }
}
