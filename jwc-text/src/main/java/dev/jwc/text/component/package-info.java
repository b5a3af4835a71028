/**
 * The component text format (Explainer.md) to the {@code dev.jwc.binary.component} model, encoded by
 * {@code ComponentWriter} exactly as wasm-tools encodes the same text.
 *
 * <p>Entry point: {@link dev.jwc.text.component.ComponentTextParser}. Parsing follows wasm-tools'
 * pipeline one field at a time: a field is read with its abbreviations expanded (inline exports become
 * exports after every field, inline imports become imports, inline types and instantiation-argument
 * bundles become definitions right before the field, the {@code (func (canon lift ...))} and
 * {@code (core func (canon ...))} forms become {@code canon} definitions); its references are then
 * resolved in order, which inserts the aliases that {@code (func $i "name")} and references to
 * enclosing components imply; finally its definition is added to its index space and to the current
 * section (consecutive items of one kind share a section). {@code $id}s and {@code (@name ...)} give the
 * {@code component-name} section.
 */
package dev.jwc.text.component;
