package dev.jwc.binary.core.types;

import java.util.List;
import java.util.stream.Collectors;

/** A function type {@code [params] -> [results]}. */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType {
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static final FuncType EMPTY = new FuncType(List.of(), List.of());

    @Override
    public String toString() {
        return "[" + params.stream().map(ValType::text).collect(Collectors.joining(" ")) + "] -> ["
                + results.stream().map(ValType::text).collect(Collectors.joining(" ")) + "]";
    }
}
