package dev.jwc.wit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function of an interface or world.
 *
 * @param name the mangled name wit-parser uses: {@code f}, {@code [constructor]r}, {@code [method]r.f} or
 *             {@code [static]r.f}; {@link #itemName()} gives the name as written in WIT
 * @param params for methods, the first is {@code self: borrow<resource>}
 */
public record Function(String name, FunctionKind kind, List<Param> params, Optional<Type> result, Docs docs,
                       Stability stability) {
    public Function {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        params = List.copyOf(params);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(stability, "stability");
    }

    /** The name as written in WIT: {@code f} for {@code [method]r.f}, {@code constructor} for constructors. */
    public String itemName() {
        return switch (kind) {
            case FunctionKind.Freestanding f -> name;
            case FunctionKind.Method m -> name.substring(name.indexOf('.') + 1);
            case FunctionKind.Static s -> name.substring(name.indexOf('.') + 1);
            case FunctionKind.Constructor c -> "constructor";
        };
    }

    /** The mangled name of a method {@code method} of resource {@code resource}: {@code [method]resource.method}. */
    public static String methodName(String resource, String method) {
        return "[method]" + resource + "." + method;
    }

    /** {@code [static]resource.function}. */
    public static String staticName(String resource, String function) {
        return "[static]" + resource + "." + function;
    }

    /** {@code [constructor]resource}. */
    public static String constructorName(String resource) {
        return "[constructor]" + resource;
    }
}
