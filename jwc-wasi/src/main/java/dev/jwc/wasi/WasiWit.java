package dev.jwc.wasi;

import dev.jwc.wit.WitLoader;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The WASI 0.2.12 WIT bundled as resources, loaded once: the interfaces the host implements, keyed by
 * their qualified name ({@code wasi:io/streams@0.2.12}).
 */
final class WasiWit {
    static final String VERSION = "0.2.12";
    /** Names the bundled files in WIT errors, as the directory they came from. */
    private static final String ROOT = "wit/";
    /** The {@code @unstable} WASI items this host implements, so that guests importing them link. */
    private static final Set<String> UNSTABLE_FEATURES = Set.of("clocks-timezone", "network-error-code");

    private static final class Holder {
        static final WasiWit INSTANCE = load();
    }

    private final Resolve resolve;
    private final Map<String, Interface> interfaces;

    private WasiWit(Resolve resolve, Map<String, Interface> interfaces) {
        this.resolve = resolve;
        this.interfaces = interfaces;
    }

    static WasiWit get() {
        return Holder.INSTANCE;
    }

    Resolve resolve() {
        return resolve;
    }

    Map<String, Interface> interfaces() {
        return interfaces;
    }

    /** Loads the bundled files ({@link BundledWasiWit}: compiled in, no resource to find and read). */
    private static WasiWit load() {
        Resolve resolve = WitLoader.withFeatures(UNSTABLE_FEATURES).load(Path.of(ROOT), BundledWasiWit.FILES).resolve();
        Map<String, Interface> byName = new LinkedHashMap<>();
        for (int i = 0; i < resolve.interfaces().size(); i++) {
            var id = new dev.jwc.wit.model.InterfaceId(i);
            resolve.qualifiedName(id).ifPresent(name -> byName.put(name, resolve.get(id)));
        }
        return new WasiWit(resolve, Map.copyOf(byName));
    }
}
