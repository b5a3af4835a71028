package dev.jwc.binary.core.types;

/** The type of a block, loop, if, try or try_table: empty, one result, or a type index. */
public sealed interface BlockType permits BlockType.Empty, BlockType.Value, BlockType.TypeIndex {

    Empty EMPTY = new Empty();

    /** No parameters, no results. */
    record Empty() implements BlockType {
    }

    /** No parameters, one result. */
    record Value(ValType type) implements BlockType {
    }

    /** The parameters and results of the function type at {@code index}. */
    record TypeIndex(int index) implements BlockType {
    }
}
