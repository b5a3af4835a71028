package dev.jwc.wasi;

import dev.jwc.wit.WitLoader;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The WASI 0.2.12 WIT bundled as resources, loaded once: the interfaces the host implements, keyed by
 * their qualified name ({@code wasi:io/streams@0.2.12}).
 */
final class WasiWit {
    static final String VERSION = "0.2.12";
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

    /** Reads the bundled files (listed in {@code index.txt}) straight from the class path. */
    private static WasiWit load() {
        try {
            Map<String, String> files = new HashMap<>();
            for (String file : resource("index.txt").lines().filter(l -> !l.isBlank()).toList()) {
                files.put(file, resource(file));
            }
            Resolve resolve = WitLoader.withFeatures(UNSTABLE_FEATURES).load(Path.of(ROOT), files).resolve();
            Map<String, Interface> byName = new LinkedHashMap<>();
            for (int i = 0; i < resolve.interfaces().size(); i++) {
                var id = new dev.jwc.wit.model.InterfaceId(i);
                resolve.qualifiedName(id).ifPresent(name -> byName.put(name, resolve.get(id)));
            }
            return new WasiWit(resolve, Map.copyOf(byName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled WASI WIT", e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WasiWit.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IOException("missing bundled resource " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
