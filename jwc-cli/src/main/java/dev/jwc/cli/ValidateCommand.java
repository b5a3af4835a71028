package dev.jwc.cli;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.binary.validate.ComponentValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwc validate}: decodes and validates components and core modules, one verdict line per file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate WebAssembly components (and core modules); exit 1 if any is invalid.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--features"}, paramLabel = "LIST",
            description = "Features to enable (or disable with a leading '-') on top of the defaults, "
                    + "comma separated, e.g. cm-async,-simd.")
    String features = "";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .wasm files to validate.")
    List<Path> files;

    @Override
    public Integer call() {
        Features enabled;
        try {
            enabled = Features.defaults().apply(features);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (Path file : files) {
            String verdict = verdict(file, enabled);
            allValid &= verdict.equals("ok");
            out.println(file + ": " + verdict);
        }
        out.flush();
        return allValid ? 0 : 1;
    }

    private static String verdict(Path file, Features features) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return "error: no such file";
        } catch (IOException e) {
            return "error: cannot read: " + e.getMessage();
        }
        try {
            ComponentValidator.validate(bytes, features);
            return "ok";
        } catch (DecodeException e) {
            return error(e.reason(), e.offset());
        } catch (ValidationException e) {
            return error(e.reason(), e.offset());
        }
    }

    private static String error(String reason, long offset) {
        String oneLine = reason.replace("\n", "; ");
        return "error: " + oneLine + (offset >= 0 ? " (at byte " + offset + ")" : "");
    }
}
