package dev.jwc.binary.core;

import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.types.GlobalType;

/** A global definition with its constant initializer. */
public record Global(GlobalType type, Expression init) {
}
