package dev.jwc.witcomponent;

import dev.jwc.binary.component.Component;
import dev.jwc.text.TextException;
import dev.jwc.text.component.ComponentTextParser;
import dev.jwc.wit.BinaryWitDecoder;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@link BinaryWitDecoder} that lets {@link WitLoader} read binary WIT packages: {@code .wasm} files are
 * decoded directly, {@code .wat} files are parsed as component text first.
 */
public final class BinaryWitPackages implements BinaryWitDecoder {
    /** The shared, stateless instance. */
    public static final BinaryWitPackages INSTANCE = new BinaryWitPackages();

    private BinaryWitPackages() {}

    /** A loader for {@code features} that also reads {@code .wasm} and {@code .wat} packages. */
    public static WitLoader loader(Set<String> features) {
        return WitLoader.withFeatures(features).withBinaryDecoder(INSTANCE);
    }

    @Override
    public Decoded decode(Path file) {
        try {
            WitDecoding.Decoded decoded = file.getFileName().toString().endsWith(".wat")
                    ? WitDecoding.decode(parseText(file))
                    : WitDecoding.decode(Files.readAllBytes(file));
            if (!(decoded instanceof WitDecoding.Decoded.Package p)) {
                throw new WitException(file, "the component is not a binary WIT package (it has imports or "
                        + "exports other than component types)");
            }
            return new Decoded(p.resolve(), p.main());
        } catch (IOException e) {
            throw new WitException(file, "failed to read file: " + e.getMessage());
        } catch (WitComponentException e) {
            throw new WitException(file, e.getMessage());
        }
    }

    private static Component parseText(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return ComponentTextParser.parse(text);
        } catch (TextException e) {
            int line = e.position().line();
            String[] lines = text.split("\n", -1);
            String source = line >= 1 && line <= lines.length ? lines[line - 1] : null;
            throw new WitException(file, line, e.position().column(), e.detail(), source);
        }
    }
}
