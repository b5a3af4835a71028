/**
 * Public entry points of the text front end and {@link dev.jwc.text.TextException}, which carries a
 * {@link dev.jwc.text.Position} (line:col) for every error in text input.
 */
package dev.jwc.text;
