package dev.jwc.cli;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CoreWriter;
import dev.jwc.tools.Embed;
import dev.jwc.tools.ToolsException;
import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.WorldSelection;
import dev.jwc.wit.WorldSelectionException;
import dev.jwc.wit.model.WorldId;
import dev.jwc.witcomponent.BinaryWitPackages;
import dev.jwc.witcomponent.WitComponentException;
import dev.jwc.witcomponent.WitEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwc embed WIT CORE --world W -o OUT}: adds a world's {@code component-type} section to a core module. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Embed a WIT world into a core module as its component-type custom section "
                + "(as `wasm-tools component embed`).")
final class EmbedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WIT", description = "A .wit file or a directory of WIT with deps/.")
    Path wit;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CORE",
            description = "The core module (.wasm or .wat); omit with --dummy.")
    Path core;

    @Option(names = {"-w", "--world"}, paramLabel = "NAME", description = "The world to embed (default: the only one).")
    String world;

    @Option(names = "--dummy", description = "Embed into a generated module that implements the world with "
            + "`unreachable` bodies.")
    boolean dummy;

    @Option(names = "--encoding", paramLabel = "ENC", description = "String encoding: utf8 (default), utf16, "
            + "compact-utf16.")
    String encoding = "utf8";

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "The output .wasm.")
    Path output;

    @Override
    public Integer call() {
        if (dummy == (core != null)) {
            throw new UserError(dummy ? "--dummy makes the core module: give no CORE" : "give CORE or --dummy");
        }
        if (!Files.exists(wit)) {
            throw new UserError(wit + ": no such file or directory");
        }
        WitLoader.Result loaded;
        WorldId selected;
        try {
            loaded = WitLoader.withAllFeatures().withBinaryDecoder(BinaryWitPackages.INSTANCE).load(wit);
            selected = WorldSelection.select(loaded.resolve(), loaded.main(), Optional.ofNullable(world));
        } catch (WitException e) {
            throw new UserError(e.render());
        } catch (WorldSelectionException e) {
            throw new UserError(wit + ": " + e.getMessage());
        }
        try {
            CoreModule module = dummy ? Embed.dummy(loaded.resolve(), selected) : CoreInput.read(core);
            CoreModule embedded = Embed.embed(module, loaded.resolve(), selected, stringEncoding());
            CoreInput.write(output, CoreWriter.write(embedded));
        } catch (ToolsException | WitComponentException e) {
            throw new UserError(e.getMessage());
        }
        return 0;
    }

    private WitEncoding.StringEncoding stringEncoding() {
        return switch (encoding) {
            case "utf8" -> WitEncoding.StringEncoding.UTF8;
            case "utf16" -> WitEncoding.StringEncoding.UTF16;
            case "compact-utf16" -> WitEncoding.StringEncoding.COMPACT_UTF16;
            default -> throw new UserError("unknown string encoding `" + encoding
                    + "`: expected utf8, utf16 or compact-utf16");
        };
    }
}
