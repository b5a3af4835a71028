package dev.jwc.runtime.abi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.types.Val;
import dev.jwc.types.ValueType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strings lifted in one encoding and lowered in another, for every pair and every kind of content. */
class StringTranscodingTest {
    private static final List<String> SAMPLES = List.of("", "plain ascii", "café crème", "snow ☃ man", "emoji 😀!",
            "ÿ", "Ā");

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (StringEncoding from : StringEncoding.values()) {
            for (StringEncoding to : StringEncoding.values()) {
                for (String s : SAMPLES) {
                    out.add(Arguments.of(from, to, s));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("pairs")
    void transcodesBetweenEncodings(StringEncoding from, StringEncoding to, String s) {
        TestMemory source = new TestMemory(1 << 12);
        TestMemory target = new TestMemory(1 << 12);
        InstanceState inst = new InstanceState(null, InstanceState.newRegistry());
        StringHints hints = new StringHints();
        AbiContext src = new AbiContext(source.options(from), inst, new CallScope(), new StringHints(), false);
        Lowering.store(src, Val.string(s), Primitive.STRING, 0);

        AbiContext lift = new AbiContext(source.options(from), inst, new CallScope(), hints, false);
        Val lifted = Lifting.load(lift, 0, Primitive.STRING);
        assertThat(lifted).isEqualTo(Val.string(s));

        AbiContext lower = new AbiContext(target.options(to), inst, new CallScope(), hints, false);
        Lowering.store(lower, lifted, Primitive.STRING, 0);
        int tagged = target.readInt(4);
        if (to == StringEncoding.LATIN1_UTF16) {
            boolean latin1 = s.chars().allMatch(c -> c < 0x100);
            assertThat(tagged & 0x8000_0000).isEqualTo(latin1 ? 0 : 0x8000_0000);
        }
        if (to == StringEncoding.UTF16) {
            assertThat(tagged).isEqualTo(s.length());
        }
        if (to == StringEncoding.UTF8) {
            assertThat(tagged).isEqualTo((int) Strings.utf8Length(s));
        }
        AbiContext check = new AbiContext(target.options(to), inst, new CallScope(), new StringHints(), false);
        assertThat(Lifting.load(check, 0, Primitive.STRING)).isEqualTo(Val.string(s));
    }

    /** Strings longer than one chunk, with multi-byte chars and a surrogate pair on the chunk edges. */
    static Stream<String> longStrings() {
        int chunk = Utf8Chunks.CHUNK;
        return Stream.of("a".repeat(3 * chunk + 5),
                "a".repeat(chunk - 1) + "😀" + "é".repeat(chunk) + "☃",
                "b".repeat(chunk) + "😀" + "c".repeat(chunk),
                "lone \uD800 high " + "d".repeat(2 * chunk) + "\uDC00",
                "x".repeat(chunk - 1) + "\uD83D");
    }

    @ParameterizedTest
    @MethodSource("longStrings")
    void longStringsAreWrittenInChunksWithOneExactAllocation(String s) {
        byte[] expected = s.getBytes(StandardCharsets.UTF_8);
        InstanceState inst = new InstanceState(null, InstanceState.newRegistry());
        TestMemory host = new TestMemory(1 << 17);
        AbiContext fromHost = new AbiContext(host.options(StringEncoding.UTF8), inst, new CallScope(), new StringHints(), true);
        Lowering.store(fromHost, Val.string(s), Primitive.STRING, 0);
        assertThat(host.reallocCalls).isEqualTo(1);
        assertThat(host.readInt(4)).isEqualTo(expected.length);
        assertThat(host.readBytes(host.readInt(0), expected.length)).isEqualTo(expected);

        StringHints hints = new StringHints();
        Val lifted = Lifting.load(new AbiContext(host.options(StringEncoding.UTF8), inst, new CallScope(), hints, false), 0,
                Primitive.STRING);
        TestMemory other = new TestMemory(1 << 17);
        Lowering.store(new AbiContext(other.options(StringEncoding.UTF8), inst, new CallScope(), hints, false), lifted,
                Primitive.STRING, 0);
        assertThat(other.reallocCalls).isEqualTo(1);
        assertThat(other.readBytes(other.readInt(0), other.readInt(4))).isEqualTo(expected);
    }
}
