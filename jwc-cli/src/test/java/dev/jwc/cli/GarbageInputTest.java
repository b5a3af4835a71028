package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command answers bad input with exit code 1 and a one-line error message, never a stack trace. */
class GarbageInputTest {
    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    private static final byte[] COMPONENT_HEADER = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};

    @TempDir
    Path dir;

    private List<Path> garbage() throws IOException {
        var random = new Random(7);
        byte[] noise = new byte[300];
        random.nextBytes(noise);
        byte[] headerThenNoise = concat(HEADER, noise);
        byte[] componentThenNoise = concat(COMPONENT_HEADER, noise);
        byte[] invalidUtf8 = {'(', 'm', 'o', 'd', 'u', 'l', 'e', ' ', (byte) 0xC3, (byte) 0x28, ')'};
        List<Path> files = new ArrayList<>();
        for (String ext : List.of(".wasm", ".wat")) {
            files.add(Files.write(dir.resolve("empty" + ext), new byte[0]));
            files.add(Files.write(dir.resolve("noise" + ext), noise));
            files.add(Files.write(dir.resolve("core-noise" + ext), headerThenNoise));
            files.add(Files.write(dir.resolve("component-noise" + ext), componentThenNoise));
            files.add(Files.write(dir.resolve("truncated" + ext), new byte[] {0x00, 0x61, 0x73}));
            files.add(Files.write(dir.resolve("bad-utf8" + ext), invalidUtf8));
            files.add(Files.writeString(dir.resolve("text" + ext), "(component (import \"a\" (func $f)) ((((",
                    StandardCharsets.UTF_8));
            files.add(Files.writeString(dir.resolve("deep" + ext), "(module " + "(".repeat(100_000),
                    StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void everyCommandRejectsGarbageWithAMessage() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : garbage()) {
            for (String command : List.of("parse", "print", "validate", "wit", "inspect")) {
                if (command.equals("parse") && file.getFileName().toString().startsWith("empty")) {
                    continue; // an empty text is a valid empty module
                }
                var cli = new CliRun();
                String[] args = command.equals("parse")
                        ? new String[] {command, file.toString(), "-o", dir.resolve("out.wasm").toString()}
                        : new String[] {command, file.toString()};
                int code = cli.run(args);

                // validate reports a verdict per file on standard output: "FILE: error: ..."
                String message = command.equals("validate") ? cli.out() : cli.err();
                if (code != 1 || !message.contains("error: ") || message.contains("\tat ")
                        || message.strip().lines().count() != 1) {
                    wrong.add("jwc " + command + " " + file.getFileName() + " -> " + code + ": " + message);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
