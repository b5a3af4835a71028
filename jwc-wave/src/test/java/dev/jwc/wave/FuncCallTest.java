package dev.jwc.wave;

import static dev.jwc.types.ValueType.Primitive.STRING;
import static dev.jwc.types.ValueType.Primitive.U32;
import static dev.jwc.types.ValueType.Primitive.U8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code name(args...)} call expressions, as {@code jwc run --invoke} takes them. */
class FuncCallTest {
    private static final ValueType OPT_U8 = new ValueType.OptionType(U8);

    @Test
    void interfaceQualifiedNameSplitsAtHash() {
        FuncCall call = Wave.parseCall("docs:adder/add@0.1.0#add(1, 2)");
        assertThat(call.name()).isEqualTo("docs:adder/add@0.1.0#add");
        assertThat(call.interfaceName()).contains("docs:adder/add@0.1.0");
        assertThat(call.functionName()).isEqualTo("add");
        assertThat(call.nameSpan()).isEqualTo(new Span(0, 24));
        assertThat(call.typedArguments(List.of(U32, U32))).containsExactly(Val.u32(1), Val.u32(2));
    }

    @Test
    void plainNameHasNoInterface() {
        FuncCall call = Wave.parseCall("  greet(\"hi\") // trailing comment");
        assertThat(call.interfaceName()).isEmpty();
        assertThat(call.functionName()).isEqualTo("greet");
        assertThat(call.argumentNodes()).singleElement().isInstanceOf(WaveNode.Str.class);
        assertThat(call.typedArguments(List.of(STRING))).containsExactly(Val.string("hi"));
    }

    @Test
    void argumentsStayUntypedUntilTypesAreKnown() {
        FuncCall call = Wave.parseCall("f(ok, [1], {a: 2})");
        assertThat(call.argumentNodes()).hasSize(3);
        assertThat(call.argumentNodes().get(0)).isInstanceOf(WaveNode.Ok.class);
        assertThat(call.argumentNodes().get(2)).isInstanceOf(WaveNode.RecordNode.class);
    }

    @Test
    void trailingOptionArgumentsMayBeOmitted() {
        List<ValueType> params = List.of(OPT_U8, OPT_U8, OPT_U8);
        List<Val> expected = List.of(Val.some(Val.u8(1)), Val.none(), Val.none());
        assertThat(Wave.parseCall("f(some(1))").typedArguments(params)).isEqualTo(expected);
        assertThat(Wave.parseCall("f(some(1), none)").typedArguments(params)).isEqualTo(expected);
        assertThat(Wave.parseCall("f(some(1), none, none)").typedArguments(params)).isEqualTo(expected);
        assertThat(Wave.parseCall("f()").typedArguments(List.of())).isEmpty();
    }

    @Test
    void wrongArgumentCountsArePositioned() {
        assertError(() -> Wave.parseCall("f(1)").typedArguments(List.of(U8, STRING)),
                "invalid params: missing required param(s)", 3, 4);
        assertError(() -> Wave.parseCall("f(1, 2)").typedArguments(List.of(U8)),
                "invalid params: more param(s) than expected", 5, 6);
        assertError(() -> Wave.parseCall("string()").typedArguments(List.of(STRING)),
                "invalid params: no params provided, but 1 required", 0, 6);
    }

    @Test
    void malformedCallsArePositioned() {
        assertError(() -> Wave.parseCall("f"), "unexpected end of input", 1, 1);
        assertError(() -> Wave.parseCall("f[1]"), "unexpected token: BracketOpen", 1, 2);
        assertError(() -> Wave.parseCall("f(1) x"), "trailing characters after value", 5, 6);
        assertError(() -> Wave.parseCall("(1)"), "invalid token: expected a function name", 0, 1);
        assertError(() -> Wave.parseCall(""), "unexpected end of input: expected a function name", 0, 0);
        assertError(() -> Wave.parseCall("f(1 2)"), "unexpected token: Number", 4, 5);
    }

    private static void assertError(Runnable call, String description, int start, int end) {
        WaveException e = catchThrowableOfType(WaveException.class, call::run);
        assertThat(e).isNotNull();
        assertThat(e.description()).isEqualTo(description);
        assertThat(e.span()).isEqualTo(new Span(start, end));
    }
}
