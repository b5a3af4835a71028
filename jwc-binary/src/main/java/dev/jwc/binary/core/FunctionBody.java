package dev.jwc.binary.core;

import dev.jwc.binary.core.instr.Expression;
import java.util.List;

/** The code of one defined function: its local declarations and instructions. */
public record FunctionBody(List<Locals> locals, Expression body) {
    public FunctionBody {
        locals = List.copyOf(locals);
    }
}
