package dev.jwc.binary.core;

import dev.jwc.binary.io.ByteReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The core modules found in the shared conformance data: top-level core binaries of the json-from-wast
 * command lists, the core modules nested in their components, those of wit-component's expected
 * components, the wasi-testsuite preview1 modules and those inside the adapted (gzip-compressed)
 * components.
 */
final class CoreCorpus {

    /** What the test data says about a core module. */
    enum Expectation {
        /** A valid module, or a module nested in a valid component. */
        VALID,
        /** A top-level core module of an {@code assert_invalid} command. */
        INVALID,
        /** A top-level core module of an {@code assert_malformed} command. */
        MALFORMED,
        /** Nested in a component whose own status says nothing about the module. */
        UNKNOWN
    }

    /**
     * One core module: where it came from, the whole binary holding it, its slice, and the error
     * message text the command list expects (for invalid/malformed ones).
     */
    record Case(String name, byte[] container, int start, int length, Expectation expectation, String text) {
        ByteReader reader() {
            ByteReader whole = new ByteReader(container);
            whole.bytes(start);
            return whole.slice(length);
        }

        byte[] bytes() {
            return Arrays.copyOfRange(container, start, start + length);
        }
    }

    private static final Pattern COMMAND = Pattern.compile("\\{[^{}]*?\"type\":\\s*\"(\\w+)\"[^{}]*?\\}");
    private static final Pattern FILENAME = Pattern.compile("\"filename\":\\s*\"([^\"]+)\"");
    private static final Pattern TEXT = Pattern.compile("\"text\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private CoreCorpus() {
    }

    private static final Map<Path, List<Case>> LOADED = new ConcurrentHashMap<>();

    /** The cases under {@code conformance}, loaded once per test run (several tests share them). */
    static synchronized List<Case> load(Path conformance) throws IOException {
        List<Case> cached = LOADED.get(conformance);
        if (cached == null) {
            cached = distinct(scan(conformance));
            LOADED.put(conformance, cached);
        }
        return cached;
    }

    /**
     * Drops byte-identical repeats (the adapted WASI components share their adapter module), keeping a
     * repeat's stronger expectation: a module seen in a valid component counts as valid.
     */
    private static List<Case> distinct(List<Case> cases) {
        Map<ByteBuffer, Case> unique = new LinkedHashMap<>();
        for (Case c : cases) {
            ByteBuffer key = ByteBuffer.wrap(c.container(), c.start(), c.length()).slice();
            Case seen = unique.get(key);
            if (seen == null || seen.expectation() == Expectation.UNKNOWN && c.expectation() == Expectation.VALID) {
                unique.put(key, c);
            }
        }
        return List.copyOf(unique.values());
    }

    private static List<Case> scan(Path conformance) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String suite : List.of("wasm-tools/_derived/json-from-wast", "component-model/_derived/json-from-wast")) {
            Path dir = conformance.resolve(suite);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    fromCommandList(conformance, json, cases);
                }
            }
        }
        // wit-component's expected components and the WASI test programs are all valid.
        for (String tree : List.of("wasm-tools/_derived/wat2wasm", "wasi-testsuite")) {
            Path dir = conformance.resolve(tree);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(CoreCorpus::isWasm).sorted().toList()) {
                    fromBinary(conformance.relativize(p).toString(), readAll(p), Expectation.VALID, "", cases);
                }
            }
        }
        return cases;
    }

    private static boolean isWasm(Path p) {
        String s = p.toString();
        return s.endsWith(".wasm") || s.endsWith(".wasm.gz");
    }

    private static void fromCommandList(Path conformance, Path json, List<Case> cases) throws IOException {
        String text = Files.readString(json);
        Matcher m = COMMAND.matcher(text);
        while (m.find()) {
            String command = m.group();
            Matcher file = FILENAME.matcher(command);
            if (!file.find() || !command.contains("\"module_type\": \"binary\"")) {
                continue;
            }
            Path wasm = json.resolveSibling(file.group(1));
            if (!Files.exists(wasm)) {
                continue;
            }
            Matcher message = TEXT.matcher(command);
            String expectedText = message.find() ? message.group(1) : "";
            Expectation expectation = switch (m.group(1)) {
                case "module", "module_definition" -> Expectation.VALID;
                case "assert_invalid" -> Expectation.INVALID;
                case "assert_malformed" -> Expectation.MALFORMED;
                default -> Expectation.UNKNOWN;
            };
            fromBinary(conformance.relativize(wasm).toString(), readAll(wasm), expectation, expectedText, cases);
        }
    }

    /** A core binary is one case; a component contributes its nested core modules. */
    private static void fromBinary(String name, byte[] bytes, Expectation expectation, String text, List<Case> cases) {
        if (bytes.length < 8 || bytes[0] != 0 || bytes[1] != 'a' || bytes[2] != 's' || bytes[3] != 'm') {
            if (expectation == Expectation.MALFORMED || expectation == Expectation.INVALID) {
                cases.add(new Case(name, bytes, 0, bytes.length, expectation, text));
            }
            return;
        }
        if (bytes[6] == 0 && bytes[7] == 0) {
            cases.add(new Case(name, bytes, 0, bytes.length, expectation, text));
            return;
        }
        if (expectation == Expectation.MALFORMED) {
            return;
        }
        Expectation nested = expectation == Expectation.VALID ? Expectation.VALID : Expectation.UNKNOWN;
        nestedModules(name, bytes, 8, bytes.length, nested, text, cases);
    }

    /** Walks a component's sections (from {@code pos}) for core modules (id 1) and components (id 4). */
    private static void nestedModules(String name, byte[] bytes, int pos, int end, Expectation expectation,
            String text, List<Case> cases) {
        ByteReader in = new ByteReader(bytes);
        in.bytes(pos);
        ByteReader window = in.slice(end - pos);
        int index = 0;
        while (!window.atEnd()) {
            int id = window.u8();
            int size = window.u32();
            int start = window.position();
            if (size < 0 || size > window.remaining()) {
                return;
            }
            window.slice(size);
            if (id == 1) {
                cases.add(new Case(name + "#module@" + start, bytes, start, size, expectation, text));
            } else if (id == 4 && size >= 8) {
                nestedModules(name + "#component" + index, bytes, start + 8, start + size, expectation, text, cases);
            }
            index++;
        }
    }

    private static byte[] readAll(Path p) {
        try (InputStream in = p.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(p), 1 << 16) : Files.newInputStream(p)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
