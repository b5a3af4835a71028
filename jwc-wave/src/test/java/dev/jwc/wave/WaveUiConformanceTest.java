package dev.jwc.wave;

import dev.jwc.testkit.KnownFailures;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.wit.WitLoader;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Param;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WitPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs wasm-tools' wasm-wave ui suite the way its harness does: each {@code .waves} input
 * {@code func(args...);} names a function of {@code ui.wit}; its arguments are parsed, typed against the
 * parameter types and printed as {@code func(param: value, ...)}, or the error is printed as
 * {@code message at start..end} (UTF-8 byte offsets). Each case's lines must equal the {@code .out} file's.
 * Cases listed in {@code wave-ui-known-failures.txt} are expected to fail.
 */
class WaveUiConformanceTest {
    private static final Path UI = SharedSuite.path("conformance/wasm-tools/crates/wasm-wave/tests/ui");
    /** {@code [ns:pkg/][iface.]func[@version]}, the names the harness resolves against ui.wit. */
    private static final Pattern NAME = Pattern.compile("(?:([a-z0-9-]+:[a-z0-9-]+)/)?(?:([a-z0-9-]+)\\.)?([a-z0-9-]+)(?:@(.+))?");

    private record UiFunc(String pkg, String version, String iface, List<Param> params) {
    }

    @Test
    void uiCasesMatchExpectedOutput() throws IOException {
        SharedSuite.assumePresent(UI);
        var loaded = WitLoader.withFeatures(Set.of()).load(UI.resolve("ui.wit"));
        Resolve resolve = loaded.resolve();
        WitValueTypes types = new WitValueTypes(resolve);
        Map<String, UiFunc> funcs = functions(resolve);

        List<String> cases = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Path waves : list(UI)) {
            String file = waves.getFileName().toString();
            if (!file.endsWith(".waves")) {
                continue;
            }
            String base = file.substring(0, file.length() - ".waves".length());
            List<String> expected = new ArrayList<>(Arrays.asList(
                    Files.readString(UI.resolve(base + ".out")).split("\n", -1)));
            String inputs = Files.readString(waves).stripTrailing();
            while (inputs.endsWith(";")) {
                inputs = inputs.substring(0, inputs.length() - 1);
            }
            String[] split = inputs.split(";\n", -1);
            for (int i = 0; i < split.length; i++) {
                String name = file + ":" + (i + 1);
                cases.add(name);
                List<String> actual = run(split[i], funcs, types);
                List<String> want = expected.subList(0, Math.min(actual.size(), expected.size()));
                if (!want.equals(actual)) {
                    failures.put(name, "expected " + want + " but got " + actual);
                }
                want.clear();
            }
        }
        KnownFailures.check("wave-ui-known-failures.txt", "wasm-wave ui", cases, failures, 0);
    }

    /** The output lines of one input: its leading comments, then the call or the error. */
    private static List<String> run(String input, Map<String, UiFunc> funcs, WitValueTypes types) {
        List<String> lines = new ArrayList<>();
        while (input.startsWith("//") && input.indexOf('\n') >= 0) {
            lines.add(input.substring(0, input.indexOf('\n')));
            input = input.substring(input.indexOf('\n') + 1);
        }
        try {
            FuncCall call = Wave.parseCall(input);
            Optional<UiFunc> func = lookup(call.name(), funcs);
            if (func.isEmpty()) {
                lines.add("unknown test func \"" + call.name() + "\"");
                return lines;
            }
            List<ValueType> paramTypes = func.get().params().stream().map(p -> types.of(p.type())).toList();
            List<Val> values = call.typedArguments(paramTypes);
            StringBuilder out = new StringBuilder(call.name()).append('(');
            for (int i = 0; i < values.size(); i++) {
                out.append(i > 0 ? ", " : "").append(func.get().params().get(i).name()).append(": ")
                        .append(Wave.print(values.get(i), paramTypes.get(i)));
            }
            lines.add(out.append(')').toString());
        } catch (WaveException e) {
            lines.add(e.description() + " at " + bytes(input, e.span().start()) + ".." + bytes(input, e.span().end()));
        }
        return lines;
    }

    private static int bytes(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static Map<String, UiFunc> functions(Resolve resolve) {
        Map<String, UiFunc> funcs = new LinkedHashMap<>();
        for (Interface iface : resolve.interfaces()) {
            WitPackage pkg = resolve.get(iface.pkg().orElseThrow());
            for (Function f : iface.functions().values()) {
                funcs.put(f.name(), new UiFunc(pkg.name().unversioned(),
                        pkg.name().version().map(Object::toString).orElse(""), iface.name().orElseThrow(), f.params()));
            }
        }
        return funcs;
    }

    private static Optional<UiFunc> lookup(String name, Map<String, UiFunc> funcs) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        UiFunc func = funcs.get(m.group(3));
        if (func == null
                || (m.group(1) != null && !m.group(1).equals(func.pkg()))
                || (m.group(2) != null && !m.group(2).equals(func.iface()))
                || (m.group(4) != null && !m.group(4).equals(func.version()))) {
            return Optional.empty();
        }
        return Optional.of(func);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
