package dev.jwc.binary.component;

import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Decoding helpers shared by the component readers; messages follow wasmparser's wording. */
final class Decode {
    private Decode() {
    }

    /** Reports byte {@code b}, read at {@code at}, as an invalid discriminant of {@code what}. */
    static DecodeException invalid(ByteReader r, long at, int b, String what) {
        return r.errorAt("invalid leading byte (0x" + Integer.toHexString(b) + ") for " + what, at);
    }

    /** A {@code vec(T)}: a count (bounded by the bytes left, each item taking at least one) and items. */
    static <T> List<T> vec(ByteReader r, Function<ByteReader, T> item) {
        int n = r.count();
        List<T> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(item.apply(r));
        }
        return out;
    }

    /** {@code 0x00 | 0x01 T}, as for optional value types. */
    static <T> Optional<T> optional(ByteReader r, String what, Function<ByteReader, T> item) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> Optional.empty();
            case 0x01 -> Optional.of(item.apply(r));
            default -> throw invalid(r, at, b, what);
        };
    }

    static boolean bool(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> false;
            case 0x01 -> true;
            default -> throw r.errorAt("invalid boolean value", at);
        };
    }

    static void expectEnd(ByteReader section) {
        if (!section.atEnd()) {
            throw section.error("unexpected data at the end of the section");
        }
    }
}
