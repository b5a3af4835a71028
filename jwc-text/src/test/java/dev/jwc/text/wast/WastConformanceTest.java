package dev.jwc.text.wast;

import dev.jwc.json.Json;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parses every {@code .wast} script of the wasm-tools suite and checks each directive's kind and line
 * against the command list that wasm-tools' {@code json-from-wast} wrote for the same script.
 */
class WastConformanceTest {
    @Test
    void directivesMatchJsonFromWast() throws IOException {
        KnownFailures result = KnownFailures.load("wast-known-failures.txt");
        for (Conformance.Script script : Conformance.scripts()) {
            Path wast = script.wast();
            String rel = script.name();
            Path json = script.json();
            if (!Files.exists(json)) {
                result.skip();
                continue;
            }
            try {
                List<String> ours = describe(WastScript.parse(Files.readString(wast)).directives());
                List<String> theirs = new ArrayList<>();
                Json.Arr commands = (Json.Arr) ((Json.Obj) Json.parse(Files.readString(json))).get("commands");
                for (Json c : commands.elements()) {
                    Json.Obj o = (Json.Obj) c;
                    theirs.add(((Json.Str) o.get("type")).value() + "@" + ((Json.Num) o.get("line")).value());
                }
                if (ours.equals(theirs)) {
                    result.pass();
                } else {
                    result.fail(rel, "ours " + ours + " theirs " + theirs);
                }
            } catch (TextException e) {
                result.fail(rel, e.getMessage());
            }
        }
        result.verify("wast directives");
    }

    private static List<String> describe(List<WastDirective> directives) {
        List<String> out = new ArrayList<>();
        for (WastDirective d : directives) {
            String type = switch (d) {
                case WastDirective.Module m -> "module";
                case WastDirective.ModuleDefinition m -> "module_definition";
                case WastDirective.ModuleInstance m -> "module_instance";
                case WastDirective.Register r -> "register";
                case WastDirective.Action a -> "action";
                case WastDirective.AssertReturn a -> "assert_return";
                case WastDirective.AssertTrap a when a.execute() instanceof WastExecute.Instantiate -> "assert_uninstantiable";
                case WastDirective.AssertTrap a -> "assert_trap";
                case WastDirective.AssertExhaustion a -> "assert_exhaustion";
                case WastDirective.AssertException a -> "assert_exception";
                case WastDirective.AssertSuspension a -> "assert_suspension";
                case WastDirective.AssertInvalid a -> "assert_invalid";
                case WastDirective.AssertMalformed a -> "assert_malformed";
                case WastDirective.AssertUnlinkable a -> "assert_unlinkable";
                case WastDirective.Thread t -> "thread";
                case WastDirective.Wait w -> "wait";
            };
            // json-from-wast places module assertions at the module, the others at the directive.
            int line = switch (d) {
                case WastDirective.AssertInvalid a -> a.module().position().line();
                case WastDirective.AssertMalformed a -> a.module().position().line();
                case WastDirective.AssertUnlinkable a -> a.module().position().line();
                case WastDirective.AssertTrap a when a.execute() instanceof WastExecute.Instantiate i ->
                        i.module().position().line();
                case WastDirective.AssertTrap a -> a.execute().position().line();
                case WastDirective.AssertReturn a -> a.execute().position().line();
                case WastDirective.AssertExhaustion a -> a.execute().position().line();
                case WastDirective.AssertException a -> a.execute().position().line();
                case WastDirective.AssertSuspension a -> a.execute().position().line();
                default -> d.position().line();
            };
            out.add(type + "@" + line);
        }
        return out;
    }
}
