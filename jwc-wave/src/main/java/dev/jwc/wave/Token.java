package dev.jwc.wave;

/** A token and where it is; {@code END} has an empty span at the end of the input. */
record Token(TokenKind kind, Span span) {
}
