package dev.jwc.cli;

import dev.jwc.cli.wast.JsonWastRunner;
import dev.jwc.cli.wast.TextWastRunner;
import dev.jwc.cli.wast.WastReport;
import dev.jwc.json.JsonException;
import dev.jwc.text.TextException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jwc wast FILE.wast} or {@code jwc wast FILE.json} (json-from-wast, with the .wasm files beside
 * it): runs a component-model script. Prints one line per failure and {@code N passed, M failed, K skipped}.
 */
@Command(name = "wast", mixinStandardHelpOptions = true,
        description = "Run a component-model test script: FILE.wast, or FILE.json from json-from-wast.")
final class WastCommand implements Callable<Integer> {
    /** Guest recursion runs on the runner's stack; stack exhaustion then traps instead of crashing. */
    private static final long GUEST_STACK_BYTES = 1L << 30;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The script: FILE.wast or FILE.json (json-from-wast).")
    Path input;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(input)) {
            throw new UserError(input + ": no such file");
        }
        String name = input.getFileName().toString();
        if (!name.endsWith(".json") && !name.endsWith(".wast")) {
            throw new UserError(input + ": expected a .wast or a .json (json-from-wast) script");
        }
        AtomicReference<WastReport> report = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread runner = new Thread(null, () -> {
            try {
                report.set(name.endsWith(".json") ? JsonWastRunner.run(input)
                        : TextWastRunner.run(name, Files.readString(input)));
            } catch (JsonException e) {
                failure.set(new UserError(input + ": malformed JSON: " + e.getMessage()));
            } catch (TextException e) {
                failure.set(new UserError(e.withFile(input.toString())));
            } catch (IOException e) {
                failure.set(new UncheckedIOException(e));
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
