package dev.jwc.text.print;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.WasmBinary;
import dev.jwc.binary.core.CoreModule;

/**
 * Prints core modules and components in the WebAssembly text format, in the layout of wasm-tools'
 * {@code print}: names from the name sections as {@code $id}s, index comments such as {@code (;0;)},
 * flat instructions with indented blocks, and {@code @custom} annotations for other custom sections.
 */
public final class WatPrinter {
    private WatPrinter() {
    }

    /** Decodes and prints a {@code .wasm} binary; decoding failures are {@code DecodeException}s. */
    public static String print(byte[] wasm) {
        return print(ComponentReader.read(wasm));
    }

    public static String print(WasmBinary binary) {
        return switch (binary) {
            case Component c -> print(c);
            case CoreModuleBinary m -> print(m.module());
        };
    }

    public static String print(CoreModule module) {
        Out out = new Out();
        out.open("module");
        ModulePrinter.name(module).ifPresent(name -> {
            out.space();
            name.write(out);
        });
        ModulePrinter.body(out, module);
        return out.newline().toString();
    }

    public static String print(Component component) {
        Out out = new Out();
        out.open("component");
        new ComponentPrinter(out).component(component, true);
        return out.newline().toString();
    }
}
