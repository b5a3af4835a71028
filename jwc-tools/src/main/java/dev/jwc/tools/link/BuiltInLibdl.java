package dev.jwc.tools.link;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.text.Wat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * jwc's own {@code libdl.so} ({@code --use-built-in-libdl}): {@code dlopen}, {@code dlsym}, {@code dlerror} and
 * {@code dlclose} over the lookup table of the dl-openable libraries, which the init module hands to its
 * {@code __wasm_set_libraries}. Written in WAT ({@code libdl.wat} beside this class).
 */
final class BuiltInLibdl {
    static final String NAME = "libdl.so";

    private BuiltInLibdl() {}

    static CoreModule module() {
        try (InputStream in = BuiltInLibdl.class.getResourceAsStream("libdl.wat")) {
            if (in == null) {
                throw new IllegalStateException("libdl.wat is missing from the jwc-tools jar");
            }
            return Wat.parseCoreModule(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
