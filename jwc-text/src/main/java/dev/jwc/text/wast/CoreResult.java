package dev.jwc.text.wast;

import java.util.List;
import java.util.Optional;

/** An expected core result of {@code assert_return}. */
public sealed interface CoreResult extends WastResult {
    record I32(int value) implements CoreResult {}

    record I64(long value) implements CoreResult {}

    /** {@code (f32.const ...)}: exact bits or {@code nan:canonical} / {@code nan:arithmetic}. */
    record F32(NumPattern pattern) implements CoreResult {}

    record F64(NumPattern pattern) implements CoreResult {}

    /** {@code (v128.const shape lane*)}; shape is {@code i8x16} ... {@code f64x2}, lanes in order. */
    record V128(String shape, List<NumPattern> lanes) implements CoreResult {
        public V128 {
            lanes = List.copyOf(lanes);
        }
    }

    /** {@code (ref.null heaptype?)}. */
    record RefNull(Optional<String> heapType) implements CoreResult {}

    /** {@code (ref.extern n?)}: a non-null external reference, with the host value if given. */
    record RefExtern(Optional<Integer> value) implements CoreResult {}

    record RefHost(int value) implements CoreResult {}

    /** {@code (ref.func index?)}: a non-null function reference. */
    record RefFunc(Optional<String> index) implements CoreResult {}

    /** {@code (ref.any)}, {@code (ref.eq)}, {@code (ref.array)}, {@code (ref.struct)}, {@code (ref.i31)}, ...: a non-null reference of that kind. */
    record RefKind(String kind) implements CoreResult {}

    /** {@code (either r*)}: any one of the alternatives. */
    record Either(List<CoreResult> alternatives) implements CoreResult {
        public Either {
            alternatives = List.copyOf(alternatives);
        }
    }
}
