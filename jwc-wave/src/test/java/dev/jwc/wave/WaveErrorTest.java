package dev.jwc.wave;

import static dev.jwc.types.ValueType.Primitive.CHAR;
import static dev.jwc.types.ValueType.Primitive.F32;
import static dev.jwc.types.ValueType.Primitive.S8;
import static dev.jwc.types.ValueType.Primitive.STRING;
import static dev.jwc.types.ValueType.Primitive.U32;
import static dev.jwc.types.ValueType.Primitive.U64;
import static dev.jwc.types.ValueType.Primitive.U8;
import static dev.jwc.wave.WaveException.Kind.DUPLICATE_FIELD;
import static dev.jwc.wave.WaveException.Kind.DUPLICATE_FLAG;
import static dev.jwc.wave.WaveException.Kind.EMPTY_TUPLE;
import static dev.jwc.wave.WaveException.Kind.INVALID_ESCAPE;
import static dev.jwc.wave.WaveException.Kind.INVALID_MULTILINE_STRING;
import static dev.jwc.wave.WaveException.Kind.INVALID_TOKEN;
import static dev.jwc.wave.WaveException.Kind.INVALID_TYPE;
import static dev.jwc.wave.WaveException.Kind.INVALID_VALUE;
import static dev.jwc.wave.WaveException.Kind.NESTING_TOO_DEEP;
import static dev.jwc.wave.WaveException.Kind.TRAILING_CHARACTERS;
import static dev.jwc.wave.WaveException.Kind.UNEXPECTED_END;
import static dev.jwc.wave.WaveException.Kind.UNEXPECTED_TOKEN;
import static dev.jwc.wave.WaveException.Kind.VALUE_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jwc.types.ResourceType;
import dev.jwc.types.ValueType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of error, with its exact span, line and column. */
class WaveErrorTest {
    private static final ValueType LIST_U8 = new ValueType.ListType(U8);

    static Stream<Arguments> errors() {
        return Stream.of(
                // type, text, kind, description, start, end
                Arguments.of(U8, "256", INVALID_VALUE, "invalid value", 0, 3),
                Arguments.of(U8, "-0", INVALID_VALUE, "invalid value", 0, 2),
                Arguments.of(S8, "-129", INVALID_VALUE, "invalid value", 0, 4),
                Arguments.of(U32, "1.5", INVALID_VALUE, "invalid value", 0, 3),
                Arguments.of(U64, "18446744073709551616", INVALID_VALUE, "invalid value", 0, 20),
                Arguments.of(U8, "nan", INVALID_VALUE, "invalid value", 0, 3),
                Arguments.of(U8, "true", INVALID_TYPE, "invalid value type", 0, 4),
                Arguments.of(F32, "-nan", INVALID_TOKEN, "invalid token", 0, 1),
                Arguments.of(F32, "NaN", TRAILING_CHARACTERS, "trailing characters after value", 1, 2),
                Arguments.of(CHAR, "'ab'", INVALID_TOKEN, "invalid token", 0, 4),
                Arguments.of(CHAR, "'\\u{110000}'", INVALID_ESCAPE, "invalid character escape", 0, 12),
                Arguments.of(CHAR, "'\\z'", INVALID_TOKEN, "invalid token", 0, 1),
                Arguments.of(STRING, "\"ab\\u{d800}\"", INVALID_ESCAPE, "invalid character escape", 3, 4),
                Arguments.of(STRING, "\"abc", INVALID_TOKEN, "invalid token", 0, 4),
                Arguments.of(STRING, "\"\"\"x\n\"\"\"", INVALID_MULTILINE_STRING,
                        "invalid multiline string: opening \"\"\" must be followed immediately by newline", 3, 4),
                Arguments.of(STRING, "\"\"\"\n  a\n b\n  \"\"\"", INVALID_MULTILINE_STRING,
                        "invalid multiline string: lines must be indented at least as much as closing \"\"\"", 8, 9),
                Arguments.of(STRING, "\"\"\"\n  bad\\q\n  \"\"\"", INVALID_ESCAPE, "invalid character escape", 9, 10),
                Arguments.of(LIST_U8, "[1,,]", UNEXPECTED_TOKEN, "unexpected token: Comma", 3, 4),
                Arguments.of(LIST_U8, "[1, 2", UNEXPECTED_END, "unexpected end of input", 5, 5),
                Arguments.of(LIST_U8, "[1] 2", TRAILING_CHARACTERS, "trailing characters after value", 4, 5),
                Arguments.of(LIST_U8, "@", INVALID_TOKEN, "invalid token", 0, 1),
                Arguments.of(new ValueType.TupleType(List.of(U8)), "()", EMPTY_TUPLE, "empty tuple", 0, 2),
                Arguments.of(new ValueType.TupleType(List.of(U8)), "(1, 2)", VALUE_ERROR,
                        "error converting Wasm value: expected 1 tuple values, got 2", 0, 6),
                Arguments.of(new ValueType.FixedListType(U8, 2), "[1]", VALUE_ERROR,
                        "error converting Wasm value: expected 2 list elements, got 1", 0, 3),
                Arguments.of(WaveRoundTripTest.BASIC, "{must-have: 1, must-have: 2}", DUPLICATE_FIELD,
                        "duplicate field: \"must-have\"", 15, 24),
                Arguments.of(WaveRoundTripTest.BASIC, "{must-have: 1, extra: 2}", VALUE_ERROR,
                        "error converting Wasm value: unknown field \"extra\"", 15, 20),
                Arguments.of(WaveRoundTripTest.BASIC, "{optional: none}", VALUE_ERROR,
                        "error converting Wasm value: missing field \"must-have\"", 0, 16),
                Arguments.of(WaveRoundTripTest.BASIC, "{must-have: 1 optional: none}", UNEXPECTED_TOKEN,
                        "unexpected token: LabelOrKeyword", 14, 22),
                Arguments.of(WaveRoundTripTest.ALL_OPTIONAL, "{}", INVALID_TYPE, "invalid value type", 0, 2),
                Arguments.of(WaveRoundTripTest.PERMS, "{read, read}", DUPLICATE_FLAG, "duplicate flag: \"read\"", 7, 11),
                Arguments.of(WaveRoundTripTest.PERMS, "{read, nope}", VALUE_ERROR,
                        "error converting Wasm value: unknown case \"nope\"", 0, 12),
                Arguments.of(WaveRoundTripTest.STATUS, "ok", INVALID_TYPE, "invalid value type", 0, 2),
                Arguments.of(WaveRoundTripTest.STATUS, "lost", VALUE_ERROR,
                        "error converting Wasm value: unknown case \"lost\"", 0, 4),
                Arguments.of(WaveRoundTripTest.RESPONSE, "body", VALUE_ERROR,
                        "error converting Wasm value: missing payload for \"body\" case", 0, 4),
                Arguments.of(WaveRoundTripTest.RESPONSE, "empty(1)", VALUE_ERROR,
                        "error converting Wasm value: unexpected payload for \"empty\" case", 0, 8),
                Arguments.of(new ValueType.OptionType(new ValueType.OptionType(U8)), "1", INVALID_TYPE,
                        "invalid value type", 0, 1),
                Arguments.of(new ValueType.OptionType(U8), "some", UNEXPECTED_END, "unexpected end of input", 4, 4),
                Arguments.of(WaveRoundTripTest.result(null, U8), "5", INVALID_TYPE, "invalid value type", 0, 1),
                Arguments.of(WaveRoundTripTest.result(U8, null), "ok", VALUE_ERROR,
                        "error converting Wasm value: missing payload for \"ok\" case", 0, 2),
                Arguments.of(new ValueType.Own(new ResourceType("file")), "1", VALUE_ERROR,
                        "error converting Wasm value: WAVE has no encoding for values of type own<file>", 0, 1));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void errorHasKindAndExactSpan(ValueType type, String text, WaveException.Kind kind, String description,
                                  int start, int end) {
        WaveException e = catchThrowableOfType(WaveException.class, () -> Wave.parse(text, type));
        assertThat(e).as("no error for %s", text).isNotNull();
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.description()).isEqualTo(description);
        assertThat(e.span()).isEqualTo(new Span(start, end));
    }

    @Test
    void lineAndColumnAreOneBasedAndCountCodePoints() {
        WaveException e = catchThrowableOfType(WaveException.class, () -> Wave.parse("[\n  '🌊', 1,\n  'é', x\n]",
                new ValueType.ListType(CHAR)));
        assertThat(e.kind()).isEqualTo(INVALID_TYPE);
        assertThat(e.span()).isEqualTo(new Span(10, 11));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.getMessage()).isEqualTo("2:8: invalid value type at offset 10..11");

        e = catchThrowableOfType(WaveException.class, () -> Wave.parse("// c\n  {a: 1}", WaveRoundTripTest.PERMS));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void invalidTokensExplainThemselvesInTheMessage() {
        WaveException e = catchThrowableOfType(WaveException.class, () -> Wave.parse("\"abc", STRING));
        assertThat(e.description()).isEqualTo("invalid token");
        assertThat(e.getMessage()).isEqualTo("1:1: invalid token (unterminated string) at offset 0..4");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        for (String deep : List.of("[".repeat(100_000), "some(".repeat(100_000), "{a:".repeat(100_000),
                "v(".repeat(100_000), "(".repeat(100_000))) {
            assertThatThrownBy(() -> Wave.parseUntyped(deep))
                    .isInstanceOfSatisfying(WaveException.class, e -> assertThat(e.kind()).isEqualTo(NESTING_TOO_DEEP));
        }
        String ok = "[".repeat(Parser.MAX_DEPTH) + "]".repeat(Parser.MAX_DEPTH);
        assertThat(Wave.parseUntyped(ok).node()).isInstanceOf(WaveNode.ListNode.class);
    }
}
