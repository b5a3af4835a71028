package dev.jwc.tools;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.ExternalKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A library of a shared-everything link ({@code jwc link}): a core module instantiated after the main module and
 * its adapters. Its world imports are lowered like the main module's; every other import module it has is
 * {@code arguments}, an instance assembled from exports of the main instance or of libraries instantiated before
 * it. {@code worldExports} names the world exports (as {@code f} or {@code ns:pkg/iface}) it implements.
 */
public record LinkedLibrary(String name, CoreModule module, Set<String> worldExports,
                            Map<String, List<Item>> arguments) {
    public LinkedLibrary {
        worldExports = Set.copyOf(worldExports);
        arguments = Map.copyOf(arguments);
    }

    /**
     * One export of an argument instance: {@code alias} is the name the library imports, {@code name} the export
     * of the main instance ({@code library} empty) or of the named library.
     */
    public record Item(String alias, ExternalKind kind, Optional<String> library, String name) {}
}
