package dev.jwc.wave;

import static dev.jwc.types.ValueType.Primitive.BOOL;
import static dev.jwc.types.ValueType.Primitive.CHAR;
import static dev.jwc.types.ValueType.Primitive.F32;
import static dev.jwc.types.ValueType.Primitive.F64;
import static dev.jwc.types.ValueType.Primitive.S16;
import static dev.jwc.types.ValueType.Primitive.S32;
import static dev.jwc.types.ValueType.Primitive.S64;
import static dev.jwc.types.ValueType.Primitive.S8;
import static dev.jwc.types.ValueType.Primitive.STRING;
import static dev.jwc.types.ValueType.Primitive.U16;
import static dev.jwc.types.ValueType.Primitive.U32;
import static dev.jwc.types.ValueType.Primitive.U64;
import static dev.jwc.types.ValueType.Primitive.U8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@code print(parse(x))}: canonical text comes back unchanged, other spellings become canonical. */
class WaveRoundTripTest {
    static final ValueType BASIC = new ValueType.RecordType(List.of(
            new ValueType.Field("must-have", U8), new ValueType.Field("optional", new ValueType.OptionType(U8))));
    static final ValueType ALL_OPTIONAL = new ValueType.RecordType(List.of(
            new ValueType.Field("a", new ValueType.OptionType(U8)), new ValueType.Field("b", new ValueType.OptionType(U8))));
    static final ValueType RESPONSE = new ValueType.VariantType(List.of(
            new ValueType.Case("empty", Optional.empty()),
            new ValueType.Case("body", Optional.of(new ValueType.ListType(U8))),
            new ValueType.Case("err", Optional.of(STRING))));
    static final ValueType STATUS = new ValueType.EnumType(List.of("ok", "not-found"));
    static final ValueType PERMS = new ValueType.FlagsType(List.of("read", "write", "exec"));

    static Stream<Arguments> canonical() {
        return Stream.of(
                Arguments.of(BOOL, "true"), Arguments.of(BOOL, "false"),
                Arguments.of(S8, "-128"), Arguments.of(S8, "127"), Arguments.of(U8, "0"), Arguments.of(U8, "255"),
                Arguments.of(S16, "-32768"), Arguments.of(U16, "65535"),
                Arguments.of(S32, "-2147483648"), Arguments.of(U32, "4294967295"),
                Arguments.of(S64, "-9223372036854775808"), Arguments.of(U64, "18446744073709551615"),
                Arguments.of(F32, "3.1415"), Arguments.of(F32, "-0"), Arguments.of(F32, "nan"),
                Arguments.of(F32, "inf"), Arguments.of(F32, "-inf"), Arguments.of(F32, "-100000"),
                Arguments.of(F32, "340282350000000000000000000000000000000"),
                Arguments.of(F32, "0.000000000000000000000000000000000000000000001"),
                Arguments.of(F64, "0.1"), Arguments.of(F64, "-2.5"), Arguments.of(F64, "nan"),
                Arguments.of(F64, "0." + "0".repeat(323) + "5"),
                Arguments.of(CHAR, "'x'"), Arguments.of(CHAR, "'\\''"), Arguments.of(CHAR, "'\\\"'"),
                Arguments.of(CHAR, "'\\u{0}'"), Arguments.of(CHAR, "'🌊'"), Arguments.of(CHAR, "'\\u{fe0e}'"),
                Arguments.of(CHAR, "'\\\\'"), Arguments.of(CHAR, "'\\t'"),
                Arguments.of(STRING, "\"\""), Arguments.of(STRING, "\"a\\tb\\n\\\"q\\\" \\\\ \\r ☃\""),
                Arguments.of(STRING, "\"\\u{7f}\""),
                Arguments.of(new ValueType.ListType(U8), "[]"), Arguments.of(new ValueType.ListType(U8), "[1, 2, 3]"),
                Arguments.of(new ValueType.FixedListType(U8, 3), "[1, 2, 3]"),
                Arguments.of(new ValueType.TupleType(List.of(U8, STRING)), "(123, \"abc\")"),
                Arguments.of(BASIC, "{must-have: 1}"), Arguments.of(BASIC, "{must-have: 1, optional: some(2)}"),
                Arguments.of(ALL_OPTIONAL, "{:}"), Arguments.of(ALL_OPTIONAL, "{b: some(2)}"),
                Arguments.of(RESPONSE, "empty"), Arguments.of(RESPONSE, "body([79, 75])"),
                Arguments.of(RESPONSE, "%err(\"oops\")"),
                Arguments.of(STATUS, "%ok"), Arguments.of(STATUS, "not-found"),
                Arguments.of(new ValueType.OptionType(U8), "some(1)"), Arguments.of(new ValueType.OptionType(U8), "none"),
                Arguments.of(new ValueType.OptionType(new ValueType.OptionType(U8)), "some(none)"),
                Arguments.of(new ValueType.OptionType(new ValueType.OptionType(U8)), "some(some(1))"),
                Arguments.of(result(U8, null), "ok(1)"), Arguments.of(result(U8, null), "err"),
                Arguments.of(result(null, STRING), "ok"), Arguments.of(result(null, STRING), "err(\"x\")"),
                Arguments.of(result(null, null), "ok"), Arguments.of(result(null, null), "err"),
                Arguments.of(result(U8, U8), "err(7)"),
                Arguments.of(PERMS, "{}"), Arguments.of(PERMS, "{read, exec}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("canonical")
    void canonicalTextRoundTrips(ValueType type, String text) {
        assertThat(Wave.print(Wave.parse(text, type), type)).isEqualTo(text);
    }

    static Stream<Arguments> nonCanonical() {
        return Stream.of(
                Arguments.of(F32, "0.0e0", "0"), Arguments.of(F32, "-0.0e-0", "-0"), Arguments.of(F32, "1e2", "100"),
                Arguments.of(F32, "3.4028234664e39", "inf"), Arguments.of(F32, "1.4012984643e-46", "0"),
                Arguments.of(F64, "6.022e+23", "602200000000000000000000"),
                Arguments.of(CHAR, "'\\u{78}'", "'x'"), Arguments.of(CHAR, "'\\u{002603}'", "'☃'"),
                Arguments.of(STRING, "\"'\\'\\u{27}\"", "\"\\'\\'\\'\""),
                Arguments.of(STRING, "\"\"\"\n    Indentation determined\n      by ending delimiter\n  \"\"\"",
                        "\"  Indentation determined\\n    by ending delimiter\""),
                Arguments.of(STRING, "\"\"\"\r\n  crlf \\r\r\n  \"\"\"", "\"crlf \\r\""),
                Arguments.of(new ValueType.ListType(U8), "[ 1 , 2 , ] // done", "[1, 2]"),
                Arguments.of(new ValueType.TupleType(List.of(U8)), "(1,)", "(1)"),
                Arguments.of(BASIC, "{ optional: none, %must-have: 1, }", "{must-have: 1}"),
                Arguments.of(ALL_OPTIONAL, "{ : }", "{:}"),
                Arguments.of(new ValueType.OptionType(U8), "123", "some(123)"),
                Arguments.of(result(U8, null), "5", "ok(5)"),
                Arguments.of(RESPONSE, "%empty", "empty"),
                Arguments.of(PERMS, "{exec, %read,}", "{read, exec}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nonCanonical")
    void otherSpellingsPrintCanonically(ValueType type, String text, String canonical) {
        assertThat(Wave.print(Wave.parse(text, type), type)).isEqualTo(canonical);
    }

    @Test
    void parsedValuesAreTheExpectedVals() {
        assertThat(Wave.parse("{must-have: 7}", BASIC))
                .isEqualTo(Val.record(Val.field("must-have", Val.u8(7)), Val.field("optional", Val.none())));
        assertThat(Wave.parse("18446744073709551615", U64)).isEqualTo(Val.u64(-1L));
        assertThat(Wave.parse("{write, read}", PERMS)).isEqualTo(Val.flags("read", "write"));
        assertThat(Wave.parse("body([1])", RESPONSE)).isEqualTo(Val.variant("body", Val.list(Val.u8(1))));
        assertThat(Wave.parse("[1, 2]", new ValueType.FixedListType(S32, 2)))
                .isEqualTo(new Val.FixedList(List.of(Val.s32(1), Val.s32(2))));
        assertThat(((Val.F32) Wave.parse("nan", F32)).value()).isNaN();
    }

    @Test
    void extremeFloatsSurvivePrintThenParse() {
        for (float f : new float[] {0f, -Float.MAX_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, Math.ulp(1f),
                Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.1f, 1f / 3}) {
            Val value = Val.f32(f);
            assertThat(Wave.parse(Wave.print(value, F32), F32)).isEqualTo(value);
        }
        for (double d : new double[] {0d, -Double.MAX_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Math.ulp(1d),
                Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1, 1d / 3}) {
            Val value = Val.f64(d);
            assertThat(Wave.parse(Wave.print(value, F64), F64)).isEqualTo(value);
        }
    }

    @Test
    void nanParsesToTheCanonicalNan() {
        assertThat(Float.floatToRawIntBits(((Val.F32) Wave.parse("nan", F32)).value())).isEqualTo(0x7fc00000);
        assertThat(Double.doubleToRawLongBits(((Val.F64) Wave.parse("nan", F64)).value())).isEqualTo(0x7ff8000000000000L);
        assertThat(Wave.print(Val.f32(Float.intBitsToFloat(0xffffffff)), F32)).isEqualTo("nan");
    }

    @Test
    void printingRejectsValuesOfAnotherTypeAndTypesWithoutEncoding() {
        assertThatThrownBy(() -> Wave.print(Val.u8(1), S8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wave.print(Val.enumCase("up"), STATUS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wave.print(Val.record(Val.field("must-have", Val.u8(1)), Val.field("optional", Val.none()),
                Val.field("extra", Val.u8(2))), BASIC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wave.print(Val.u8(1), new ValueType.Own(new ResourceType("r"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no encoding");
    }

    static ValueType result(ValueType ok, ValueType err) {
        return new ValueType.ResultType(Optional.ofNullable(ok), Optional.ofNullable(err));
    }
}
