package dev.jwc.text.wast;

/** An argument of an invocation: a core value or a component value. */
public sealed interface WastValue permits CoreValue, ComponentValue {}
