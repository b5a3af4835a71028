package dev.jwc.text.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Position;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {
    private static final Position AT = Position.START;

    @Test
    void integerRanges() {
        assertThat(Numbers.integer("0xffffffff", 32, AT)).isEqualTo(0xffffffffL);
        assertThat((int) Numbers.integer("-0x80000000", 32, AT)).isEqualTo(Integer.MIN_VALUE);
        assertThat(Numbers.integer("-1", 64, AT)).isEqualTo(-1L);
        assertThat(Numbers.integer("0xffff_ffff_ffff_ffff", 64, AT)).isEqualTo(-1L);
        assertThatThrownBy(() -> Numbers.integer("0x1_0000_0000", 32, AT)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Numbers.integer("+0x8000_0000", 32, AT)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Numbers.integer("-0x8000_0001", 32, AT)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Numbers.unsigned("-1", 32, AT)).hasMessageContaining("unsigned");
    }

    @Test
    void decimalFloatsRoundLikeTheJdk() {
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = Double.toString(d).replace("E", "e");
            assertThat(Numbers.f64Bits(s, AT)).as(s).isEqualTo(Double.doubleToRawLongBits(d));
            float f = Float.intBitsToFloat(r.nextInt());
            if (!Float.isNaN(f) && !Float.isInfinite(f)) {
                String fs = Float.toString(f).replace("E", "e");
                assertThat(Numbers.f32Bits(fs, AT)).as(fs).isEqualTo(Float.floatToRawIntBits(f));
            }
        }
        for (String s : List.of("0.1", "1e-45", "3.4028235e38", "1.17549435e-38", "123456789.123456789e-7")) {
            assertThat(Numbers.f32Bits(s, AT)).as(s).isEqualTo(Float.floatToRawIntBits(Float.parseFloat(s)));
            assertThat(Numbers.f64Bits(s, AT)).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
    }

    @Test
    void hexFloatsAndSpecials() {
        assertThat(Numbers.f32Bits("0x1p-149", AT)).isEqualTo(1);
        assertThat(Numbers.f32Bits("0x1.fffffep127", AT)).isEqualTo(0x7f7fffff);
        // halfway cases round to even
        assertThat(Numbers.f32Bits("0x1.000001p0", AT)).isEqualTo(0x3f800000);
        assertThat(Numbers.f32Bits("0x1.000003p0", AT)).isEqualTo(0x3f800002);
        assertThat(Numbers.f32Bits("0x1.0000010000000000001p0", AT)).isEqualTo(0x3f800001);
        assertThat(Numbers.f32Bits("-0x0p0", AT)).isEqualTo(0x80000000);
        assertThat(Numbers.f32Bits("nan", AT)).isEqualTo(0x7fc00000);
        assertThat(Numbers.f32Bits("-nan:0x1", AT)).isEqualTo(0xff800001);
        assertThat(Numbers.f64Bits("inf", AT)).isEqualTo(0x7ff0000000000000L);
        assertThat(Numbers.f64Bits("0x1.fffffffffffffp1023", AT))
                .isEqualTo(0x7fefffffffffffffL);
        assertThatThrownBy(() -> Numbers.f32Bits("0x1p128", AT)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Numbers.f32Bits("0x1.ffffffp127", AT)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Numbers.f32Bits("1e39", AT)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Numbers.f32Bits("nan:0x800000", AT)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Numbers.f32Bits("nan:0x0", AT)).hasMessageContaining("out of range");
        assertThat(Numbers.f64Bits("1e-400", AT)).isZero();
        assertThatThrownBy(() -> Numbers.f64Bits("1e99999999999999999999", AT)).hasMessageContaining("out of range");
    }
}
