package dev.jwc.binary.validate;

import java.util.List;
import java.util.Optional;

/** A resolved component function type. */
public record FunctionType(boolean async, List<Param> params, Optional<ValueType> result) implements TypeEntry {
    public FunctionType {
        params = List.copyOf(params);
    }

    public record Param(String name, ValueType type) {
    }
}
