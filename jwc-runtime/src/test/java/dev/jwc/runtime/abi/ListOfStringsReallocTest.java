package dev.jwc.runtime.abi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lowering a host {@code list<string>} (what {@code wasi:cli/environment.get-arguments} returns) calls the
 * guest's realloc exactly as the spec's {@code store_list} / {@code store_string}: the element array first
 * (align 4, 8 bytes per string), then one fresh allocation per string in order (align 1, its UTF-8 length,
 * empty strings included), never a reallocation. The WASI preview1 adapter tells the two apart by alignment.
 */
class ListOfStringsReallocTest {
    private final TestMemory memory = new TestMemory(1 << 16);
    private final List<long[]> calls = new ArrayList<>();

    @Test
    void theListFirstThenEachStringInOrder() {
        CoreFunc bump = memory.realloc();
        CoreFunc recording = args -> {
            calls.add(args.clone());
            return bump.call(args);
        };
        CanonOptions opts = new CanonOptions(StringEncoding.UTF8, Optional.of(memory), Optional.of(recording),
                Optional.empty());
        AbiContext cx = new AbiContext(opts, new InstanceState(null, InstanceState.newRegistry()), new CallScope(),
                new StringHints(), true);
        Val args = Val.list(Val.string("prog"), Val.string("first"), Val.string("the \"second\" arg"),
                Val.string(""), Val.string("é"));
        List<Long> flat = new ArrayList<>();
        Lowering.lowerFlat(cx, args, new ValueType.ListType(Primitive.STRING), flat);

        assertThat(calls).extracting(c -> List.of(c[0], c[1], c[2], c[3])).containsExactly(
                List.of(0L, 0L, 4L, 40L),
                List.of(0L, 0L, 1L, 4L),
                List.of(0L, 0L, 1L, 5L),
                List.of(0L, 0L, 1L, 16L),
                List.of(0L, 0L, 1L, 0L),
                List.of(0L, 0L, 1L, 2L));
        assertThat(flat.get(1)).isEqualTo(5L);
        int base = flat.get(0).intValue();
        assertThat(memory.readInt(base + 2 * 8 + 4)).isEqualTo(16);
        assertThat(new String(memory.readBytes(memory.readInt(base + 2 * 8), 16))).isEqualTo("the \"second\" arg");
    }
}
