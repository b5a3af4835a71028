package dev.jwc.binary.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The type of a core module: its two-level imports in order and its exports by name. */
public record ModuleSignature(List<CoreImport> imports, Map<String, CoreEntity> exports) {
    public ModuleSignature {
        imports = List.copyOf(imports);
        exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    }

    public record CoreImport(String module, String name, CoreEntity type) {
    }
}
