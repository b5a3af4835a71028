/**
 * The printer: core modules and components in the WebAssembly text format, laid out as wasm-tools'
 * {@code print} (wasmprinter) does. {@link dev.jwc.text.print.WatPrinter} is the entry point.
 */
package dev.jwc.text.print;
