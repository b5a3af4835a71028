package dev.jwc.cli;

import dev.jwc.cli.wast.JsonWastRunner;
import dev.jwc.cli.wast.WastReport;
import dev.jwc.json.JsonException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jwc wast FILE.json}: runs a component-model script converted by json-from-wast, with the
 * .wasm files beside it. Prints one line per failure and {@code N passed, M failed, K skipped}.
 */
@Command(name = "wast", mixinStandardHelpOptions = true,
        description = "Run a component-model test script (json-from-wast .json with its .wasm files).")
final class WastCommand implements Callable<Integer> {
    /** Guest recursion runs on the runner's stack; stack exhaustion then traps instead of crashing. */
    private static final long GUEST_STACK_BYTES = 1L << 30;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The script: FILE.json (json-from-wast).")
    Path input;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(input)) {
            throw new UserError(input + ": no such file");
        }
        String name = input.getFileName().toString();
        if (!name.endsWith(".json")) {
            throw new UserError(input + ": only json-from-wast scripts (.json) are supported yet");
        }
        AtomicReference<WastReport> report = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread runner = new Thread(null, () -> {
            try {
                report.set(JsonWastRunner.run(input));
            } catch (JsonException e) {
                failure.set(new UserError(input + ": malformed JSON: " + e.getMessage()));
            }
        }, "jwc-wast", GUEST_STACK_BYTES);
        runner.start();
        runner.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        PrintWriter out = spec.commandLine().getOut();
        report.get().failures().forEach(out::println);
        out.println(report.get().summary());
        out.flush();
        return report.get().failed() == 0 ? 0 : 1;
    }
}
