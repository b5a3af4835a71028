package dev.jwc.cli;

import dev.jwc.binary.io.DecodeException;
import dev.jwc.text.print.PrintException;
import dev.jwc.text.print.WatPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jwc print FILE.wasm [-o FILE.wat]}: prints a binary module or component as text. */
@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Print a WebAssembly binary (core module or component) in the text format, as wasm-tools does.")
final class PrintCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The .wasm file: a core module or a component.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.wat",
            description = "Where to write the text (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        String text;
        try {
            text = WatPrinter.print(Files.readAllBytes(input));
        } catch (DecodeException e) {
            throw new UserError(input + ": at byte offset 0x" + Long.toHexString(e.offset()) + ": " + e.reason());
        } catch (PrintException e) {
            throw new UserError(input + ": " + e.getMessage());
        }
        if (output != null) {
            Files.writeString(output, text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
