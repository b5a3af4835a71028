package dev.jwc.wave;

import dev.jwc.types.Val;
import dev.jwc.types.ValueType;

/** A parsed but not yet typed WAVE value: its syntax tree and the text it came from (for error positions). */
public record UntypedValue(String source, WaveNode node) {

    /** Type-checks the value against {@code type}. */
    public Val toVal(ValueType type) {
        return new Typer(source).toVal(node, type);
    }
}
