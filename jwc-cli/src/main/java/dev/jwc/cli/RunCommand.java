package dev.jwc.cli;

import dev.jwc.binary.io.DecodeException;
import dev.jwc.runtime.Engine;
import dev.jwc.runtime.LinkException;
import dev.jwc.wasi.Preopen;
import dev.jwc.wasi.WasiCommand;
import dev.jwc.wasi.WasiConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jwc run [options] FILE.wasm [args...]}: runs a {@code wasi:cli/command} component with only the
 * capabilities granted on the command line. Exit code: the guest's (0 ok, 1 err, N for exit-with-code),
 * 134 when it traps.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a WASI 0.2 command component (wasi:cli/run); arguments after FILE go to the guest.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "Grant a host directory, seen by the guest as GUEST (default: HOST).")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--dir-ro", paramLabel = "HOST[::GUEST]", description = "Grant a host directory read-only.")
    List<String> readOnlyDirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "K[=V]",
            description = "Pass an environment variable: K=V sets it, K inherits it from this process.")
    List<String> env = new ArrayList<>();

    @Option(names = "--inherit-env", description = "Pass this process's whole environment.")
    boolean inheritEnv;

    @Option(names = "-S", paramLabel = "inherit-network", description = "WASI options: inherit-network.")
    List<String> wasiOptions = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Trap the guest after this many seconds.")
    Double timeoutSeconds;

    @Parameters(index = "0", paramLabel = "FILE", description = "The component (.wasm).")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the guest.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        boolean network = false;
        for (String o : wasiOptions) {
            if (!o.equals("inherit-network")) {
                throw new UserError("unknown -S option `" + o + "` (known: inherit-network)");
            }
            network = true;
        }
        List<String> guestArgs = new ArrayList<>();
        guestArgs.add(file.getFileName().toString());
        guestArgs.addAll(args);
        List<Preopen> preopens = new ArrayList<>();
        dirs.forEach(d -> preopens.add(preopen(d, false)));
        readOnlyDirs.forEach(d -> preopens.add(preopen(d, true)));
        WasiConfig config = WasiConfig.inheritStdio().withArgs(guestArgs).withEnv(environment())
                .withPreopens(preopens).withInheritNetwork(network);
        byte[] bytes = Files.readAllBytes(file);
        WasiCommand.Outcome outcome;
        try {
            outcome = new WasiCommand(new Engine()).run(bytes, config,
                    Optional.ofNullable(timeoutSeconds).map(s -> Duration.ofMillis((long) (s * 1000))));
        } catch (DecodeException e) {
            throw new UserError(file + ": " + e.getMessage());
        } catch (LinkException e) {
            throw new UserError(file + ": cannot link: " + e.getMessage());
        }
        System.out.flush();
        outcome.trap().ifPresent(t -> System.err.println("error: " + file + ": wasm trap: " + t.getMessage()));
        return outcome.exitCode();
    }

    private static Preopen preopen(String spec, boolean readOnly) {
        Preopen p = Preopen.parse(spec, readOnly);
        if (!Files.isDirectory(p.hostDir())) {
            throw new UserError("--dir " + spec + ": not a directory");
        }
        return p;
    }

    private Map<String, String> environment() {
        Map<String, String> out = new LinkedHashMap<>();
        if (inheritEnv) {
            out.putAll(System.getenv());
        }
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq >= 0) {
                out.put(e.substring(0, eq), e.substring(eq + 1));
            } else if (System.getenv(e) != null) {
                out.put(e, System.getenv(e));
            }
        }
        return out;
    }
}
