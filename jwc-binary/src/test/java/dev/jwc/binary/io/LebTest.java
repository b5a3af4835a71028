package dev.jwc.binary.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LebTest {
    private static ByteReader read(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ByteReader(b);
    }

    @Test
    void roundTripsSignedAndUnsigned() {
        long[] values = {0, 1, -1, 63, 64, -64, -65, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : values) {
            ByteWriter w = new ByteWriter().s64(v).u64(v);
            ByteReader r = new ByteReader(w.toByteArray());
            assertThat(r.s64()).isEqualTo(v);
            assertThat(r.u64()).isEqualTo(v);
            assertThat(r.atEnd()).isTrue();
        }
        ByteReader r = new ByteReader(new ByteWriter().s32(-123456).u32(0xfffffffe).toByteArray());
        assertThat(r.s32()).isEqualTo(-123456);
        assertThat(r.u32()).isEqualTo(0xfffffffe);
    }

    @Test
    void acceptsPaddedEncodingsWithinTheWidth() {
        assertThat(read(0x80, 0x80, 0x80, 0x80, 0x00).u32()).isZero();
        assertThat(read(0xff, 0xff, 0xff, 0xff, 0x7f).s32()).isEqualTo(-1);
    }

    @Test
    void rejectsOverlongAndOverflowingEncodings() {
        assertThatThrownBy(() -> read(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32())
                .hasMessageContaining("integer representation too long");
        assertThatThrownBy(() -> read(0x80, 0x80, 0x80, 0x80, 0x10).u32())
                .hasMessageContaining("integer too large");
        assertThatThrownBy(() -> read(0x80, 0x80, 0x80, 0x80, 0x70).s32())
                .hasMessageContaining("integer too large");
        assertThatThrownBy(() -> read(0xff, 0xff, 0xff, 0xff, 0x0f).s32())
                .hasMessageContaining("integer too large");
    }

    @Test
    void errorsCarryTheAbsoluteOffsetInSlices() {
        ByteReader r = read(1, 2, 3, 0x80);
        r.u8();
        ByteReader sub = r.slice(3);
        sub.u8();
        sub.u8();
        assertThatThrownBy(sub::u32).isInstanceOf(DecodeException.class)
                .satisfies(e -> assertThat(((DecodeException) e).offset()).isEqualTo(4));
    }
}
