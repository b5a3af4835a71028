package dev.jwc.binary.core.validate;

import dev.jwc.binary.core.types.NumType;
import java.util.List;

/** A fixed operand signature {@code [params] -> [results]} of a numeric or vector instruction. */
record Signature(List<NumType> params, List<NumType> results) {
    static Signature of(List<NumType> params, NumType... results) {
        return new Signature(params, List.of(results));
    }
}
