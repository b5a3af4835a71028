package dev.jwc.cli;

import dev.jwc.wit.WitException;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.json.ResolveJson;
import dev.jwc.wit.print.WitPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jwc wit PATH}: resolves WIT and prints it back as canonical WIT, or as wit-parser's JSON. */
@Command(name = "wit", mixinStandardHelpOptions = true,
        description = "Resolve a WIT file or directory (with its deps/) and print the main package(s) as WIT.")
final class WitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A .wit file, or a directory of .wit files with an optional deps/.")
    Path path;

    @Option(names = "--json", description = "Print the whole resolved model as JSON (wit-parser's schema).")
    boolean json;

    @Option(names = "--features", split = ",", paramLabel = "FEATURE",
            description = "Enable these @unstable features (comma-separated).")
    List<String> features = List.of();

    @Option(names = "--all-features", description = "Enable every @unstable feature.")
    boolean allFeatures;

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            throw new UserError(path + ": no such file or directory");
        }
        WitLoader loader = allFeatures ? WitLoader.withAllFeatures()
                : WitLoader.withFeatures(new LinkedHashSet<>(features));
        WitLoader.Result loaded;
        try {
            loaded = loader.load(path);
        } catch (WitException e) {
            throw new UserError(e.render());
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(ResolveJson.toJson(loaded.resolve()).toPrettyString());
        } else {
            out.print(WitPrinter.print(loaded.resolve(), loaded.main(), loaded.nested()));
        }
        out.flush();
        return 0;
    }
}
