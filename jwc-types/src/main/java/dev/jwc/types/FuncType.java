package dev.jwc.types;

import java.util.List;
import java.util.Optional;

/** A resolved component function type: named parameters and at most one result. */
public record FuncType(boolean async, List<Param> params, Optional<ValueType> result) {
    public FuncType {
        params = List.copyOf(params);
    }

    /** A synchronous function type. */
    public FuncType(List<Param> params, Optional<ValueType> result) {
        this(false, params, result);
    }

    /** The parameter types in order. */
    public List<ValueType> paramTypes() {
        return params.stream().map(Param::type).toList();
    }

    public record Param(String name, ValueType type) {
    }
}
