package dev.jwc.cli;

import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwc parse FILE.wat [-o FILE.wasm]}: encodes WebAssembly text as a binary. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse a WebAssembly text file (.wat) and write its binary encoding (.wasm).")
final class ParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The .wat file: a core module or a component.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.wasm",
            description = "Where to write the binary (default: FILE with the extension .wasm).")
    Path output;

    @Override
    public Integer call() throws IOException {
        String source;
        try {
            source = Files.readString(input);
        } catch (CharacterCodingException e) {
            throw new UserError(input + ": not valid UTF-8 text");
        }
        byte[] binary;
        try {
            binary = Wat.toBinary(source);
        } catch (TextException e) {
            throw new UserError(e.withFile(input.toString()));
        }
        Files.write(output != null ? output : defaultOutput(input), binary);
        return 0;
    }

    private static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".wasm");
    }
}
