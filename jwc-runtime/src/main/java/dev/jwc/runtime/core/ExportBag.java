package dev.jwc.runtime.core;

import java.util.Map;
import java.util.Optional;

/** A core instance made of exports ({@code (core instance (export ...)*)}). */
public record ExportBag(Map<String, CoreExtern> exports) implements CoreInstance {
    public ExportBag {
        exports = Map.copyOf(exports);
    }

    @Override
    public Optional<CoreExtern> export(String name) {
        return Optional.ofNullable(exports.get(name));
    }
}
