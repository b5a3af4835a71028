package dev.jwc.wasi;

import dev.jwc.types.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading host-call arguments and building results, as the WASI WIT types need them. */
final class Vals {
    private Vals() {
    }

    static long u64(Val v) {
        return ((Val.U64) v).value();
    }

    static long u32(Val v) {
        return ((Val.U32) v).value();
    }

    static int u8(Val v) {
        return ((Val.U8) v).value();
    }

    static String string(Val v) {
        return ((Val.Str) v).value();
    }

    static Set<String> flags(Val v) {
        return ((Val.Flags) v).names();
    }

    static List<Val> list(Val v) {
        return ((Val.List) v).elements();
    }

    static byte[] bytes(Val v) {
        List<Val> elements = list(v);
        byte[] out = new byte[elements.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((Val.U8) elements.get(i)).value();
        }
        return out;
    }

    static Val bytes(byte[] b) {
        List<Val> out = new ArrayList<>(b.length);
        for (byte x : b) {
            out.add(Val.u8(x & 0xff));
        }
        return new Val.List(out);
    }

    /** A clamp from guest-chosen u64 lengths to what one Java array can hold. */
    static int length(long requested) {
        return requested < 0 || requested > 1 << 24 ? 1 << 24 : (int) requested;
    }

    static Optional<Val> ok(Val v) {
        return Optional.of(Val.ok(v));
    }

    static Optional<Val> ok() {
        return Optional.of(Val.ok());
    }

    static Optional<Val> err(Val v) {
        return Optional.of(Val.err(v));
    }

    static Val datetime(long seconds, int nanos) {
        return Val.record(Val.field("seconds", Val.u64(seconds)), Val.field("nanoseconds", Val.u32(nanos)));
    }
}
