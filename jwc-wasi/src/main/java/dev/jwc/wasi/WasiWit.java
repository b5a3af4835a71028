package dev.jwc.wasi;

import dev.jwc.wit.WitLoader;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The WASI 0.2.12 WIT bundled as resources, loaded once: the interfaces the host implements, keyed by
 * their qualified name ({@code wasi:io/streams@0.2.12}).
 */
final class WasiWit {
    static final String VERSION = "0.2.12";
    private static final String ROOT = "wit/";

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

    /** The loader reads directories, so the bundled files are copied to a temporary one first. */
    private static WasiWit load() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jwc-wasi-wit");
            for (String file : resource("index.txt").lines().filter(l -> !l.isBlank()).toList()) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, resource(file));
            }
            Resolve resolve = WitLoader.withFeatures(Set.of()).load(dir).resolve();
            Map<String, Interface> byName = new LinkedHashMap<>();
            for (int i = 0; i < resolve.interfaces().size(); i++) {
                var id = new dev.jwc.wit.model.InterfaceId(i);
                resolve.qualifiedName(id).ifPresent(name -> byName.put(name, resolve.get(id)));
            }
            return new WasiWit(resolve, Map.copyOf(byName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled WASI WIT", e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
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

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
