package dev.jwc.binary.core;

import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.types.RefType;
import java.util.List;
import java.util.OptionalInt;

/** An element segment: how it is used and the references it holds. */
public record ElementSegment(Mode mode, Items items) {

    /** Passive, declarative, or active into a table at an offset. */
    public sealed interface Mode permits Passive, Declarative, Active {
    }

    public record Passive() implements Mode {
    }

    public record Declarative() implements Mode {
    }

    /**
     * Active into a table. {@code table} is empty when the encoding left the table implicit (table 0),
     * as printers distinguish {@code (table 0)} written out from an omitted one.
     */
    public record Active(OptionalInt table, Expression offset) implements Mode {
        public int tableIndex() {
            return table.orElse(0);
        }
    }

    /** Function indices (type {@code funcref}) or constant expressions of an explicit type. */
    public sealed interface Items permits Functions, Expressions {
        int size();

        RefType type();
    }

    public record Functions(List<Integer> indices) implements Items {
        public Functions {
            indices = List.copyOf(indices);
        }

        @Override
        public int size() {
            return indices.size();
        }

        @Override
        public RefType type() {
            return RefType.FUNCREF;
        }
    }

    public record Expressions(RefType type, List<Expression> expressions) implements Items {
        public Expressions {
            expressions = List.copyOf(expressions);
        }

        @Override
        public int size() {
            return expressions.size();
        }
    }
}
