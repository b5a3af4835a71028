package dev.jwc.cli;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.WasmBinary;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.witcomponent.WitComponentException;
import dev.jwc.witcomponent.WitDecoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jwc inspect FILE.wasm}: the imports and exports of a component as a tree with their WIT types, or those of
 * a core module with their core types.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show the imports and exports of a component (with WIT types) or of a core module.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A component or core module (.wasm).")
    Path input;

    @Override
    public Integer call() throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        String text = switch (read(bytes)) {
            case Component component -> component(component);
            case CoreModuleBinary core -> core(core);
        };
        var out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return 0;
    }

    private WasmBinary read(byte[] bytes) {
        try {
            return ComponentReader.read(bytes);
        } catch (DecodeException e) {
            throw new UserError(input + ": offset " + e.offset() + ": " + e.reason());
        }
    }

    private String component(Component component) {
        try {
            return ComponentInspection.render(WitDecoding.decode(component));
        } catch (WitComponentException e) {
            throw new UserError(input + ": " + e.getMessage());
        }
    }

    private String core(CoreModuleBinary core) {
        try {
            CoreValidator.validate(core.module(), Features.all());
        } catch (ValidationException e) {
            throw new UserError(input + (e.offset() >= 0 ? ": offset " + e.offset() : "") + ": " + e.reason());
        }
        return CoreInspection.render(core.module());
    }
}
