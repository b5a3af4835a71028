/**
 * {@code .wast} scripts: {@link dev.jwc.text.wast.WastScript#parse(String)} gives the
 * {@link dev.jwc.text.wast.WastDirective}s with their positions. Modules stay s-expressions
 * ({@link dev.jwc.text.wast.WastModule.Text}), raw bytes ({@code binary}) or source text ({@code quote}),
 * for the core or component text parser to turn into binaries. Arguments and expected results are
 * {@link dev.jwc.text.wast.CoreValue}, {@link dev.jwc.text.wast.CoreResult} (with NaN patterns) and
 * {@link dev.jwc.text.wast.ComponentValue}.
 */
package dev.jwc.text.wast;
