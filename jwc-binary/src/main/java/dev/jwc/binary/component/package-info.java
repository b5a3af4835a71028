/**
 * The Component Model binary format (Binary.md): an immutable model, a reader and a writer.
 *
 * <p>{@link dev.jwc.binary.component.ComponentReader#read(byte[])} tells a component from a core module
 * by the preamble and returns a {@link dev.jwc.binary.component.WasmBinary}: a
 * {@link dev.jwc.binary.component.Component} (its {@link dev.jwc.binary.component.Section}s in binary
 * order) or a {@link dev.jwc.binary.component.CoreModuleBinary}. Malformed input raises
 * {@link dev.jwc.binary.io.DecodeException} with the absolute byte offset and wasmparser's wording.
 * {@link dev.jwc.binary.component.ComponentWriter#write(Component)} encodes a model; canonically
 * encoded input comes back byte for byte.
 *
 * <p>Core types inside components use the core type model of {@code dev.jwc.binary.core.types}; embedded
 * core modules keep their bytes and their decoded {@code dev.jwc.binary.core.CoreModule}. Index, type and
 * name rules are the validator's: the reader rejects only what the grammar forbids.
 */
package dev.jwc.binary.component;
