package dev.jwc.text.print;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CoreWriter;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * parse(print(x)) == x over the valid binaries of the conformance suites (the {@code module} commands):
 * every core module, standalone or embedded in a component at any depth, is printed, parsed back with
 * the core text parser and encoded; the encoding must equal that of the model read from the binary
 * (models may differ in where they anchor a custom section that ends the module, encodings may not).
 * Components as a whole round-trip in {@link ComponentRoundTripTest}.
 */
class RoundTripTest {
    @Test
    void printedCoreModulesParseBackToTheSameModel() throws IOException {
        KnownFailures result = KnownFailures.load("print-roundtrip-known-failures.txt");
        for (Conformance.Binary b : Conformance.readableModules()) {
            List<CoreModule> modules = new ArrayList<>();
            switch (b.binary()) {
                case CoreModuleBinary m -> modules.add(m.module());
                case Component c -> embedded(c, modules);
            }
            for (int i = 0; i < modules.size(); i++) {
                String caseName = b.name() + (b.binary() instanceof Component ? "/core-module-" + i : "");
                roundTrip(result, caseName, modules.get(i));
            }
        }
        result.verify("print round trip");
    }

    private static void roundTrip(KnownFailures result, String caseName, CoreModule module) {
        String text = WatPrinter.print(module);
        try {
            CoreModule parsed = Wat.parseCoreModule(text);
            if (Arrays.equals(CoreWriter.write(parsed), CoreWriter.write(module))) {
                result.pass();
            } else {
                result.fail(caseName, "parsed module encodes differently from the binary's");
            }
        } catch (TextException e) {
            result.fail(caseName, "our text does not parse: " + e.getMessage());
        }
    }

    private static void embedded(Component component, List<CoreModule> into) {
        for (Section s : component.sections()) {
            switch (s) {
                case Section.CoreModule m -> into.add(m.module().module());
                case Section.NestedComponent n -> embedded(n.component(), into);
                default -> {
                }
            }
        }
    }
}
