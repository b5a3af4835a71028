package dev.jwc.binary.component;

import java.util.List;
import java.util.Optional;

/** A component function type, {@code (func async? (param "l" t)* (result t)?)}. */
public record FuncType(boolean async, List<Param> params, Optional<ValType> result) implements TypeDef {
    public FuncType {
        params = List.copyOf(params);
    }

    public record Param(String name, ValType type) {
    }
}
