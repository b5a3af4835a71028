package dev.jwc.binary.core;

import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.types.TableType;
import java.util.Optional;

/** A table definition; {@code init} is the explicit initializer of the function-references encoding. */
public record Table(TableType type, Optional<Expression> init) {
}
