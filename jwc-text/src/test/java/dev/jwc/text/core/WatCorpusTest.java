package dev.jwc.text.core;

import dev.jwc.testkit.KnownFailures;
import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CoreReader;
import dev.jwc.binary.core.CoreWriter;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.testkit.SharedSuite;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.jwc.text.sexpr.SExpr;
import dev.jwc.text.sexpr.SExprParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every core module of wasm-tools' crate tests (wit-component, wasm-compose, ...), standalone {@code .wat}
 * files and the core modules of printed components: real-world
 * text as wasm-tools prints it, with quoted ids, {@code (@name)}, {@code (@producers)} and
 * {@code (@dylink.0)}. Each must parse, and its binary must decode, re-encode to the same bytes and
 * validate (with every feature enabled).
 * There is no reference binary for these; the byte-exact check is {@link CoreTextConformanceTest}.
 */
class WatCorpusTest {
    @Test
    void coreModulesOfTheCrateTestsParseAndDecode() throws IOException {
        Path crates = SharedSuite.require("conformance").resolve("wasm-tools/crates");
        KnownFailures result = KnownFailures.load("wat-corpus-known-failures.txt");
        for (Path wat : Conformance.files(crates, ".wat")) {
            String name = SharedSuite.require("conformance").relativize(wat).toString();
            String source = Files.readString(wat);
            if (!source.stripLeading().startsWith("(component")) {
                check(result, name, () -> Wat.toBinary(source));
                continue;
            }
            // the core modules inside a component, as wasm-tools prints them
            List<SExpr.SList> forms;
            try {
                forms = new ArrayList<>();
                for (SExpr e : SExprParser.parse(source).items()) {
                    if (e instanceof SExpr.SList l) {
                        ComponentCoreModules.collect(l, forms);
                    }
                }
            } catch (TextException e) {
                result.fail(name, e.getMessage());
                continue;
            }
            for (int i = 0; i < forms.size(); i++) {
                SExpr.SList form = forms.get(i);
                check(result, name + "#" + i, () -> CoreWriter.write(ComponentCoreModules.parse(form)));
            }
        }
        result.verify("wat corpus");
    }

    private static void check(KnownFailures result, String name, Supplier<byte[]> encode) {
        try {
            byte[] binary = encode.get();
            CoreModule decoded = CoreReader.read(binary);
            if (!Arrays.equals(binary, CoreWriter.write(decoded))) {
                result.fail(name, "the binary does not re-encode to itself");
                return;
            }
            CoreValidator.validate(decoded, Features.all());
            result.pass();
        } catch (TextException e) {
            result.fail(name, e.getMessage());
        } catch (DecodeException e) {
            result.fail(name, "our binary does not decode: " + e.getMessage());
        } catch (ValidationException e) {
            result.fail(name, "our binary is invalid: " + e.getMessage());
        }
    }
}
