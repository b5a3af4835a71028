package dev.jwc.binary.component;

/** What a {@code .wasm} file holds: a component or a core module, told apart by the preamble's layer field. */
public sealed interface WasmBinary permits Component, CoreModuleBinary {
}
