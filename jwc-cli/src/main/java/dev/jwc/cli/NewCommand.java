package dev.jwc.cli;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.tools.ComponentNew;
import dev.jwc.tools.ToolsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jwc new CORE -o OUT [--adapt NAME=ADAPTER]...}: turns a core module with an embedded world into a
 * component, merging adapters such as the WASI preview1 adapter.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a component from a core module with embedded component-type sections "
                + "(as `wasm-tools component new`).")
final class NewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CORE", description = "The core module (.wasm or .wat).")
    Path core;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "The output component.")
    Path output;

    @Option(names = "--adapt", paramLabel = "NAME=ADAPTER", description = "An adapter module to merge, such as "
            + "wasi_snapshot_preview1=wasi_snapshot_preview1.command.wasm: the module's imports from NAME are the "
            + "adapter's exports (repeatable).")
    List<String> adapters = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, CoreModule> adapted = new LinkedHashMap<>();
        for (String adapter : adapters) {
            int eq = adapter.indexOf('=');
            if (eq <= 0 || eq == adapter.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--adapt " + adapter + ": expected NAME=ADAPTER.wasm");
            }
            String name = adapter.substring(0, eq);
            if (adapted.put(name, CoreInput.read(Path.of(adapter.substring(eq + 1)))) != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--adapt: adapter `" + name + "` given twice");
            }
        }
        try {
            CoreInput.write(output, ComponentNew.createBytes(CoreInput.read(core), adapted));
        } catch (ToolsException e) {
            throw new UserError(core + ": " + e.getMessage());
        }
        return 0;
    }
}
