package dev.jwc.tools.link;

import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.ValType;
import java.util.List;

/** A symbol libraries export and import: a name and what it is; both must match for an import to resolve. */
record Symbol(String name, Kind kind) {
    /** What a symbol is: a function, a global or an exception tag, with its type. */
    sealed interface Kind {
        ExternalKind external();
    }

    record Function(FuncType type) implements Kind {
        public ExternalKind external() {
            return ExternalKind.FUNC;
        }

        @Override
        public String toString() {
            return "function " + type;
        }
    }

    record Global(ValType type, boolean mutable) implements Kind {
        public ExternalKind external() {
            return ExternalKind.GLOBAL;
        }

        @Override
        public String toString() {
            return "global " + (mutable ? "mut " : "") + type.text();
        }
    }

    record Tag(FuncType type) implements Kind {
        public ExternalKind external() {
            return ExternalKind.TAG;
        }

        @Override
        public String toString() {
            return "tag " + type;
        }
    }

    /** The address of a data symbol: what {@code GOT.mem} imports resolve to. */
    static final Kind ADDRESS = new Global(NumType.I32, false);
    static final FuncType REALLOC = new FuncType(List.of(NumType.I32, NumType.I32, NumType.I32, NumType.I32),
            List.of(NumType.I32));

    @Override
    public String toString() {
        return name + " (" + kind + ")";
    }
}
