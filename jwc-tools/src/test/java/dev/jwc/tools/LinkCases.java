package dev.jwc.tools;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.text.Wat;
import dev.jwc.tools.link.Linker;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.WorldSelection;
import dev.jwc.wit.model.WorldId;
import dev.jwc.witcomponent.WitEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Drives a linking case of wit-component's {@code tests/components} as its harness does: every
 * {@code lib-NAME.wat} (and dl-openable {@code dlopen-lib-NAME.wat}), in file name order, embeds the world named
 * like its file and is linked under {@code NAME} (or the {@code ;; module name:} it declares), with the
 * {@code adapt-NAME.wat} adapters; {@code ;;! stub-missing-functions = true} or {@code ;;! use-built-in-libdl = true} in a library sets that option.
 */
final class LinkCases {
    private static final String MODULE_NAME = ";; module name: ";

    private LinkCases() {}

    static byte[] link(Path dir) throws IOException {
        WitLoader.Result wit = WitLoader.withAllFeatures().load(dir);
        Linker linker = new Linker();
        for (Path lib : libraries(dir)) {
            String file = lib.getFileName().toString();
            boolean dlOpenable = file.startsWith("dlopen-lib-");
            linker.library(name(lib, dlOpenable ? "dlopen-lib-" : "lib-"), embed(wit, lib), dlOpenable);
            if (directive(lib, "stub-missing-functions")) {
                linker.stubMissingFunctions(true);
            }
            if (directive(lib, "use-built-in-libdl")) {
                linker.useBuiltInLibdl(true);
            }
        }
        for (Path adapter : files(dir, "adapt-")) {
            linker.adapter(name(adapter, "adapt-"), embed(wit, adapter));
        }
        return linker.linkBytes();
    }

    private static CoreModule embed(WitLoader.Result wit, Path wat) throws IOException {
        String stem = wat.getFileName().toString().replaceFirst("\\.wat$", "");
        WorldId world = WorldSelection.select(wit.resolve(), wit.main(), Optional.of(stem));
        return Embed.embed(Wat.parseCoreModule(Files.readString(wat)), wit.resolve(), world,
                WitEncoding.StringEncoding.UTF8);
    }

    private static String name(Path wat, String prefix) throws IOException {
        for (String line : header(wat)) {
            if (line.startsWith(MODULE_NAME)) {
                return line.substring(MODULE_NAME.length()).strip();
            }
        }
        return wat.getFileName().toString().replaceFirst("\\.wat$", "").substring(prefix.length());
    }

    private static boolean directive(Path wat, String option) throws IOException {
        return header(wat).stream().anyMatch(l -> l.replace(" ", "").equals(";;!" + option + "=true"));
    }

    /** The comment lines before the module. */
    private static List<String> header(Path wat) throws IOException {
        return Files.readAllLines(wat).stream().takeWhile(l -> l.isBlank() || l.startsWith(";;"))
                .filter(l -> l.startsWith(";;")).toList();
    }

    private static List<Path> libraries(Path dir) throws IOException {
        return Stream.concat(files(dir, "lib-").stream(), files(dir, "dlopen-lib-").stream()).sorted().toList();
    }

    private static List<Path> files(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".wat")).sorted().toList();
        }
    }
}
