package dev.jwc.binary.core;

import dev.jwc.binary.core.types.ValType;

/** A run of {@code count} locals of one type, as a function body declares them. */
public record Locals(int count, ValType type) {
}
