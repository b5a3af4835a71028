package dev.jwc.cli;

import dev.jwc.tools.ToolsException;
import dev.jwc.tools.link.Linker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jwc link [NAME=]LIB... -o OUT}: links dynamic libraries ({@code dylink.0} core modules with embedded
 * worlds) into one component, as {@code wasm-tools component link}.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Link dynamic library modules into a component with shared-everything linking "
                + "(as `wasm-tools component link`).")
final class LinkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "[NAME=]LIB", arity = "0..*", description = "A library (.wasm or .wat); its name, "
            + "which `needed` entries refer to, defaults to the file name.")
    List<String> libraries = new ArrayList<>();

    @Option(names = "--dl-openable", paramLabel = "[NAME=]LIB", description = "A library whose exports "
            + "`dlopen`/`dlsym` can find at run time.")
    List<String> dlOpenable = new ArrayList<>();

    @Option(names = "--adapt", paramLabel = "NAME=ADAPTER", description = "An adapter module to merge, such as "
            + "wasi_snapshot_preview1=adapter.wasm.")
    List<String> adapters = new ArrayList<>();

    @Option(names = "--stub-missing-functions", description = "Make unresolved function imports trap instead of "
            + "failing the link.")
    boolean stubMissingFunctions;

    @Option(names = "--use-built-in-libdl", description = "Add jwc's own libdl.so (dlopen/dlsym over the "
            + "dl-openable libraries).")
    boolean useBuiltInLibdl;

    @Option(names = "--stack-size", paramLabel = "BYTES", description = "Size of the shared stack (default "
            + "1048576).")
    Integer stackSize;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "The output component.")
    Path output;

    @Override
    public Integer call() {
        if (libraries.isEmpty() && dlOpenable.isEmpty()) {
            throw new UserError("link: give at least one library");
        }
        try {
            Linker linker = new Linker().stubMissingFunctions(stubMissingFunctions).useBuiltInLibdl(useBuiltInLibdl);
            if (stackSize != null) {
                linker.stackSize(stackSize);
            }
            for (String library : libraries) {
                Named lib = named(library, false);
                linker.library(lib.name(), CoreInput.read(lib.file()), false);
            }
            for (String library : dlOpenable) {
                Named lib = named(library, false);
                linker.library(lib.name(), CoreInput.read(lib.file()), true);
            }
            for (String adapter : adapters) {
                Named a = named(adapter, true);
                linker.adapter(a.name(), CoreInput.read(a.file()));
            }
            CoreInput.write(output, linker.linkBytes());
        } catch (ToolsException e) {
            throw new UserError("link: " + e.getMessage());
        }
        return 0;
    }

    private record Named(String name, Path file) {}

    /** {@code NAME=FILE}, or a bare {@code FILE} named by its file name unless {@code nameRequired}. */
    private static Named named(String arg, boolean nameRequired) {
        int eq = arg.indexOf('=');
        if (eq < 0 && !nameRequired) {
            Path file = Path.of(arg);
            return new Named(file.getFileName().toString(), file);
        }
        if (eq <= 0 || eq == arg.length() - 1) {
            throw new UserError(arg + ": expected NAME=FILE");
        }
        return new Named(arg.substring(0, eq), Path.of(arg.substring(eq + 1)));
    }
}
