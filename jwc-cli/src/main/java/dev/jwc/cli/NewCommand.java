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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwc new CORE -o OUT}: turns a core module with an embedded world into a component. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a component from a core module with embedded component-type sections "
                + "(as `wasm-tools component new`).")
final class NewCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CORE", description = "The core module (.wasm or .wat).")
    Path core;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "The output component.")
    Path output;

    @Option(names = "--adapt", paramLabel = "NAME=ADAPTER", description = "An adapter module to merge, such as "
            + "wasi_snapshot_preview1=adapter.wasm.")
    List<String> adapters = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, CoreModule> adapted = new LinkedHashMap<>();
        for (String adapter : adapters) {
            int eq = adapter.indexOf('=');
            if (eq <= 0 || eq == adapter.length() - 1) {
                throw new UserError("--adapt " + adapter + ": expected NAME=ADAPTER.wasm");
            }
            String name = adapter.substring(0, eq);
            if (adapted.put(name, CoreInput.read(Path.of(adapter.substring(eq + 1)))) != null) {
                throw new UserError("--adapt: adapter `" + name + "` given twice");
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
