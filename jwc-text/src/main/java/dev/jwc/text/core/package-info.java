/**
 * Core WebAssembly text (WAT) to the binary model of {@code dev.jwc.binary.core}.
 *
 * <p>{@link dev.jwc.text.core.CoreModuleParser#parse} turns {@code (module ...)} into a
 * {@link dev.jwc.binary.core.CoreModule}, expanding every abbreviation exactly as wasm-tools does, so that
 * {@link dev.jwc.binary.core.CoreWriter} produces wasm-tools' bytes: inline imports and exports, type uses
 * (implicit function types appended after the explicit ones, reusing an equal top-level one), folded and
 * flat instructions with labels, inline table elements and memory data, segment and offset
 * abbreviations, GC types ({@code rec}, {@code sub}, struct and array), the {@code name} section from
 * {@code $id}s and {@code (@name)}, and {@code (@custom)} / {@code (@producers)} sections. Instructions are
 * looked up in the single {@link dev.jwc.binary.core.instr.Opcode} table. Components call
 * {@link dev.jwc.text.core.CoreModuleParser#parseFields} for {@code (core module ...)} and use
 * {@link dev.jwc.text.core.CoreTypeParser} for core types.
 */
package dev.jwc.text.core;
