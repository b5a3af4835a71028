package dev.jwc.cli;

import dev.jwc.binary.ValidationException;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.runtime.Component;
import dev.jwc.runtime.Engine;
import dev.jwc.runtime.InstancePre;
import dev.jwc.runtime.LinkException;
import dev.jwc.runtime.Linker;
import dev.jwc.runtime.Store;
import dev.jwc.runtime.Trap;
import dev.jwc.wasi.Preopen;
import dev.jwc.wasi.WasiCommand;
import dev.jwc.wasi.WasiConfig;
import dev.jwc.wasi.WasiHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jwc run [options] FILE.wasm [args...]}: runs a {@code wasi:cli/command} component with only the
 * capabilities granted on the command line. Exit code: the guest's (0 ok, 1 err, N for exit-with-code),
 * 134 when it traps (the message and the guest backtrace go to stderr), also when {@code --timeout} passes.
 * With {@code --invoke 'f(args)'} it calls that export instead and prints its result in WAVE.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a WASI 0.2 command component (wasi:cli/run) or a wasi_snapshot_preview1 core module (_start);"
                + " arguments after FILE go to the guest.")
final class RunCommand implements Callable<Integer> {
    private static final long GUEST_STACK_BYTES = 1L << 30;

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

    @Option(names = "-S", paramLabel = "OPTION[=y|n]",
            description = "WASI options: inherit-network (TCP and UDP sockets), allow-ip-name-lookup.")
    List<String> wasiOptions = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Trap the guest after this many seconds.")
    Double timeoutSeconds;

    @Option(names = "-W", paramLabel = "max-memory-size=BYTES",
            description = "Wasm limits: max-memory-size=BYTES caps every linear memory (memory.grow beyond fails).")
    List<String> wasmOptions = new ArrayList<>();

    @Option(names = "--invoke", paramLabel = "EXPR",
            description = "Call one export instead of wasi:cli/run: f(args) or IFACE#f(args), arguments and result in WAVE.")
    String invoke;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The component or preview1 core module (.wasm).")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the guest.")
    List<String> args = new ArrayList<>();

    /**
     * The command for {@code run FILE [ARGS...]} with no option before FILE, without picocli, whose
     * model of this command takes a third of a small guest's start-up. Picocli would set the same fields:
     * everything after FILE is the guest's, and no {@code @file} or {@code --} is there to expand or drop.
     * Empty for any other command line, which picocli then parses.
     */
    static Optional<RunCommand> withoutOptions(String[] commandLine) {
        if (commandLine.length < 2 || !commandLine[0].equals("run") || commandLine[1].startsWith("-")) {
            return Optional.empty();
        }
        List<String> operands = List.of(commandLine).subList(1, commandLine.length);
        if (operands.stream().anyMatch(a -> a.startsWith("@") || a.equals("--"))) {
            return Optional.empty();
        }
        RunCommand run = new RunCommand();
        try {
            run.file = Path.of(operands.getFirst());
        } catch (InvalidPathException e) {
            return Optional.empty(); // picocli words the error
        }
        run.args.addAll(operands.subList(1, operands.size()));
        return Optional.of(run);
    }

    /**
     * Loads the WASI host's WIT model (some 150 ms, the longest step of a small guest's start-up) on a
     * daemon thread, while the main thread parses the command line and decodes the component. The run
     * itself waits for it through class initialisation, and sees its failure there if it fails; it
     * registers the host functions itself (doing that here too would only compete for the CPU).
     */
    static void warmUpInBackground() {
        Thread.ofPlatform().daemon().name("jwc-wasi-warm-up")
                .start(WasiHost::loadWit);
    }

    @Override
    public Integer call() throws IOException {
        WasiOptions wasi = WasiOptions.parse(wasiOptions);
        List<String> guestArgs = new ArrayList<>();
        guestArgs.add(file.getFileName().toString());
        guestArgs.addAll(args);
        List<Preopen> preopens = new ArrayList<>();
        dirs.forEach(d -> preopens.add(preopen(d, false)));
        readOnlyDirs.forEach(d -> preopens.add(preopen(d, true)));
        WasiConfig config = WasiConfig.inheritStdio().withArgs(guestArgs).withEnv(environment())
                .withPreopens(preopens).withInheritNetwork(wasi.inheritNetwork())
                .withAllowIpNameLookup(wasi.allowIpNameLookup());
        byte[] bytes = Files.readAllBytes(file);
        if (invoke != null) {
            return invoke(new Invoke(invoke), bytes, config);
        }
        WasiCommand runner = new WasiCommand(engineOptions.engine());
        OptionalLong maxMemory = maxMemory();
        if (maxMemory.isPresent()) {
            runner = runner.withMaxMemoryBytes(maxMemory.getAsLong());
        }
        WasiCommand.Outcome outcome;
        try {
            outcome = runner.run(bytes, config,
                    Optional.ofNullable(timeoutSeconds).map(s -> Duration.ofMillis((long) (s * 1000))));
        } catch (DecodeException | ValidationException | LinkException e) {
            throw loadFailure(e);
        }
        System.out.flush();
        outcome.trap().ifPresent(t -> System.err.println("error: " + file + ": " + WasiCommand.describe(t)));
        return outcome.exitCode();
    }

    private int invoke(Invoke call, byte[] bytes, WasiConfig config) {
        Engine engine = engineOptions.engine();
        Optional<String> result;
        try {
            Component component = Component.fromBinary(engine, bytes);
            Linker linker = new Linker(engine);
            new WasiHost(config).addToLinker(linker);
            InstancePre pre = linker.instantiatePre(component);
            OptionalLong maxMemory = maxMemory();
            result = onGuestStack(() -> call.callOn(pre.instantiate(maxMemory.isPresent()
                    ? new Store(engine, maxMemory.getAsLong()) : new Store(engine))));
        } catch (DecodeException | ValidationException | LinkException e) {
            throw loadFailure(e);
        } catch (Trap t) {
            spec.commandLine().getErr().println("error: " + file + ": " + WasiCommand.describe(t));
            spec.commandLine().getErr().flush();
            return WasiCommand.TRAP_EXIT_CODE;
        }
        result.ifPresent(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A component that does not decode, validate or link is bad input. */
    private UserError loadFailure(RuntimeException e) {
        return new UserError(file + ": " + switch (e) {
            case ValidationException v -> "invalid component: " + v.getMessage();
            case LinkException l -> "cannot link: " + l.getMessage();
            default -> e.getMessage();
        });
    }

    /** Runs guest code on a thread with a large stack, so that deep guest recursion is a trap, not a crash. */
    private static <T> T onGuestStack(Supplier<T> body) {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread guest = new Thread(null, () -> {
            try {
                value.set(body.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "jwc-invoke", GUEST_STACK_BYTES);
        guest.start();
        try {
            guest.join();
        } catch (InterruptedException e) {
            guest.interrupt();
            Thread.currentThread().interrupt();
            throw new Trap("interrupted");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return value.get();
    }

    /** The memory limit of {@code -W max-memory-size=BYTES}, the one {@code -W} option (the last one wins). */
    private OptionalLong maxMemory() {
        OptionalLong max = OptionalLong.empty();
        String prefix = "max-memory-size=";
        for (String option : wasmOptions) {
            if (!option.startsWith(prefix)) {
                throw new UserError("unknown -W option `" + option + "` (known: max-memory-size=BYTES)");
            }
            String value = option.substring(prefix.length());
            if (!value.matches("[0-9]{1,18}")) {
                throw new UserError("-W " + option + ": expected a byte count");
            }
            max = OptionalLong.of(Long.parseLong(value));
        }
        return max;
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
