package dev.jwc.binary.core.instr;

/**
 * The shape of an instruction's immediates, which says how to read, write, parse and print them and
 * which {@link Immediate} record holds them. Two-index shapes list their indices in binary order.
 */
public enum ImmediateKind {
    /** Nothing. */
    NONE,
    /** {@link Immediate.Block}. */
    BLOCK_TYPE,
    /** {@link Immediate.Index}: a relative label depth. */
    LABEL,
    /** {@link Immediate.BrTable}. */
    BR_TABLE,
    /** {@link Immediate.Index}: a function index. */
    FUNC,
    /** {@link Immediate.Indices}: type index, then table index. */
    CALL_INDIRECT,
    /** {@link Immediate.Index}: a type index. */
    TYPE,
    /** {@link Immediate.Index}: a local index. */
    LOCAL,
    /** {@link Immediate.Index}: a global index. */
    GLOBAL,
    /** {@link Immediate.Index}: a table index. */
    TABLE,
    /** {@link Immediate.Index}: a memory index. */
    MEMORY,
    /** {@link Immediate.MemArg}. */
    MEMARG,
    /** {@link Immediate.MemArgLane}. */
    MEMARG_LANE,
    /** {@link Immediate.I32}. */
    I32,
    /** {@link Immediate.I64}. */
    I64,
    /** {@link Immediate.F32}. */
    F32,
    /** {@link Immediate.F64}. */
    F64,
    /** {@link Immediate.V128}: the 16 bytes of a vector constant. */
    V128,
    /** {@link Immediate.Index}: a lane index (one byte). */
    LANE,
    /** {@link Immediate.V128}: the 16 lane indices of {@code i8x16.shuffle}. */
    SHUFFLE,
    /** {@link Immediate.Heap}. */
    HEAP_TYPE,
    /** {@link Immediate.ValTypes}: the result types of a typed {@code select}. */
    SELECT_TYPES,
    /** {@link Immediate.Indices}: element segment index, then table index. */
    TABLE_INIT,
    /** {@link Immediate.Indices}: destination table, then source table. */
    TABLE_COPY,
    /** {@link Immediate.Indices}: data segment index, then memory index. */
    MEMORY_INIT,
    /** {@link Immediate.Indices}: destination memory, then source memory. */
    MEMORY_COPY,
    /** {@link Immediate.Index}: an element segment index. */
    ELEM,
    /** {@link Immediate.Index}: a data segment index. */
    DATA,
    /** {@link Immediate.Indices}: struct type index, then field index. */
    STRUCT_FIELD,
    /** {@link Immediate.Indices}: array type index, then the number of operands. */
    ARRAY_FIXED,
    /** {@link Immediate.Indices}: array type index, then data segment index. */
    ARRAY_DATA,
    /** {@link Immediate.Indices}: array type index, then element segment index. */
    ARRAY_ELEM,
    /** {@link Immediate.Indices}: destination array type, then source array type. */
    ARRAY_COPY,
    /**
     * {@link Immediate.Ref}: the target type of {@code ref.test}/{@code ref.cast}; the binary code is
     * the opcode's code for a non-null target and code + 1 for a nullable one.
     */
    REF_CAST,
    /** {@link Immediate.BrOnCast}: a flags byte (nullability), label, source and target heap types. */
    BR_ON_CAST,
    /** {@link Immediate.Index}: a tag index. */
    TAG,
    /** {@link Immediate.TryTable}. */
    TRY_TABLE,
    /** Nothing; the binary form carries a reserved zero byte. */
    ATOMIC_FENCE;

    /** Whether {@code immediate} is the record this shape uses. */
    public boolean accepts(Immediate immediate) {
        return switch (this) {
            case NONE, ATOMIC_FENCE -> immediate instanceof Immediate.None;
            case BLOCK_TYPE -> immediate instanceof Immediate.Block;
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, MEMORY, LANE, ELEM, DATA, TAG ->
                    immediate instanceof Immediate.Index;
            case BR_TABLE -> immediate instanceof Immediate.BrTable;
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY, MEMORY_INIT, MEMORY_COPY, STRUCT_FIELD, ARRAY_FIXED,
                 ARRAY_DATA, ARRAY_ELEM, ARRAY_COPY -> immediate instanceof Immediate.Indices;
            case MEMARG -> immediate instanceof Immediate.MemArg;
            case MEMARG_LANE -> immediate instanceof Immediate.MemArgLane;
            case I32 -> immediate instanceof Immediate.I32;
            case I64 -> immediate instanceof Immediate.I64;
            case F32 -> immediate instanceof Immediate.F32;
            case F64 -> immediate instanceof Immediate.F64;
            case V128, SHUFFLE -> immediate instanceof Immediate.V128;
            case HEAP_TYPE -> immediate instanceof Immediate.Heap;
            case SELECT_TYPES -> immediate instanceof Immediate.ValTypes;
            case REF_CAST -> immediate instanceof Immediate.Ref;
            case BR_ON_CAST -> immediate instanceof Immediate.BrOnCast;
            case TRY_TABLE -> immediate instanceof Immediate.TryTable;
        };
    }
}
