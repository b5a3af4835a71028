package dev.jwc.text.core;

import dev.jwc.binary.core.CoreWriter;
import dev.jwc.binary.io.ByteReader;
import dev.jwc.json.Json;
import dev.jwc.testkit.KnownFailures;
import dev.jwc.text.Conformance;
import dev.jwc.text.TextException;
import dev.jwc.text.sexpr.SExpr;
import dev.jwc.text.wast.WastDirective;
import dev.jwc.text.wast.WastExecute;
import dev.jwc.text.wast.WastModule;
import dev.jwc.text.wast.WastScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For every module of the wasm-tools scripts that json-from-wast encoded, parses each core module of
 * our text (standalone, or nested in components at any depth) and compares our encoding with the core
 * module wasm-tools produced at the same place, byte for byte.
 */
class CoreTextConformanceTest {
    @Test
    void coreModulesEncodeLikeWasmTools() throws IOException {
        KnownFailures result = KnownFailures.load("core-text-known-failures.txt");
        for (Conformance.Script script : Conformance.scripts()) {
            Path wast = script.wast();
            String rel = script.name();
            Path dir = script.derived();
            Path json = script.json();
            if (!Files.exists(json)) {
                continue;
            }
            Map<Integer, WastModule> modules;
            try {
                modules = modulesByLine(WastScript.parse(Files.readString(wast)).directives());
            } catch (TextException e) {
                result.fail(rel, e.getMessage());
                continue;
            }
            Json.Arr commands = (Json.Arr) ((Json.Obj) Json.parse(Files.readString(json))).get("commands");
            for (Json command : commands.elements()) {
                Json.Obj o = (Json.Obj) command;
                if (!(o.get("filename") instanceof Json.Str file) || !file.value().endsWith(".wasm")) {
                    continue;
                }
                int line = ((Json.Num) o.get("line")).value().intValueExact();
                WastModule module = modules.get(line);
                String caseName = rel + ":" + line;
                if (module == null || module instanceof WastModule.Binary) {
                    result.skip(); // not text: nothing of ours to encode
                    continue;
                }
                List<byte[]> theirs = coreModuleBinaries(Files.readAllBytes(dir.resolve(file.value())));
                List<SExpr.SList> ours = ComponentCoreModules.forms(module);
                if (ours.isEmpty() && theirs.isEmpty()) {
                    continue; // a component without core modules: nothing to compare
                }
                if (ours.size() != theirs.size()) {
                    result.fail(caseName, "found " + ours.size() + " core modules, wasm-tools has " + theirs.size());
                    continue;
                }
                for (int i = 0; i < ours.size(); i++) {
                    String name = caseName + "#" + i;
                    try {
                        byte[] encoded = CoreWriter.write(ComponentCoreModules.parse(ours.get(i)));
                        if (Arrays.equals(encoded, theirs.get(i))) {
                            result.pass();
                        } else {
                            result.fail(name, "encoding differs:\n ours   " + HexFormat.of().formatHex(encoded)
                                    + "\n theirs " + HexFormat.of().formatHex(theirs.get(i)));
                        }
                    } catch (TextException e) {
                        result.fail(name, e.getMessage());
                    }
                }
            }
        }
        result.verify("core text");
    }

    private static Map<Integer, WastModule> modulesByLine(List<WastDirective> directives) {
        Map<Integer, WastModule> byLine = new HashMap<>();
        for (WastDirective d : directives) {
            switch (d) {
                case WastDirective.Module m -> byLine.put(m.position().line(), m.module());
                case WastDirective.ModuleDefinition m -> byLine.put(m.position().line(), m.module());
                case WastDirective.AssertInvalid a -> byLine.put(a.module().position().line(), a.module());
                case WastDirective.AssertMalformed a -> byLine.put(a.module().position().line(), a.module());
                case WastDirective.AssertUnlinkable a -> byLine.put(a.module().position().line(), a.module());
                case WastDirective.AssertTrap a when a.execute() instanceof WastExecute.Instantiate i ->
                        byLine.put(i.module().position().line(), i.module());
                default -> { }
            }
        }
        return byLine;
    }

    /** The core modules inside a binary, in order, descending into nested components. */
    private static List<byte[]> coreModuleBinaries(byte[] binary) {
        List<byte[]> out = new ArrayList<>();
        if (binary.length < 8) {
            return out;
        }
        if (binary[4] == 1) {
            out.add(binary);
            return out;
        }
        walk(binary, out);
        return out;
    }

    private static void walk(byte[] component, List<byte[]> out) {
        ByteReader in = new ByteReader(component);
        in.bytes(8);
        while (!in.atEnd()) {
            int id = in.u8();
            byte[] contents = in.bytes(in.u32());
            if (id == 1) {
                out.add(contents);
            } else if (id == 4) {
                walk(contents, out);
            }
        }
    }
}
