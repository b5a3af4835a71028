package dev.jwc.text.wast;

/** An expected result of {@code assert_return}: a core pattern or a component value. */
public sealed interface WastResult permits CoreResult, ComponentValue {}
