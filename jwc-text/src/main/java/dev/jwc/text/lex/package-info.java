/**
 * The lexer of the WebAssembly text format. {@link dev.jwc.text.lex.Lexer} turns text into
 * {@link dev.jwc.text.lex.Token}s (keywords, {@code $ids} including {@code $"quoted"} ones, strings with
 * every escape, integer and float literals in all syntaxes, reserved tokens, parentheses and annotation
 * starts {@code (@name}), skipping white space and comments. {@link dev.jwc.text.lex.Numbers} gives
 * literals their values under the format's range rules: integers as bit patterns, floats as IEEE bits,
 * correctly rounded, NaN payloads included.
 */
package dev.jwc.text.lex;
