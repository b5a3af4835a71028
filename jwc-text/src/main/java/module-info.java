/**
 * The WebAssembly text formats: lexer ({@code dev.jwc.text.lex}), s-expressions with a cursor for
 * recursive-descent parsers ({@code dev.jwc.text.sexpr}), {@code .wast} scripts ({@code dev.jwc.text.wast}),
 * core WAT ({@code dev.jwc.text.core}) and component text ({@code dev.jwc.text.component}).
 */
module dev.jwc.text {
    requires transitive dev.jwc.binary;

    exports dev.jwc.text;
    exports dev.jwc.text.lex;
    exports dev.jwc.text.sexpr;
    exports dev.jwc.text.wast;
    exports dev.jwc.text.core;
    exports dev.jwc.text.component;
    exports dev.jwc.text.print;
}
