package dev.jwc.text.core;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.ValType;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import java.util.Optional;

/**
 * The core type syntax for parsers outside this package (component core types and module types): one
 * core type index space with its {@code $id}s, and the value, function, table, memory and global type
 * forms that refer to it.
 */
public final class CoreTypeSyntax {
    private final ModuleScope scope = new ModuleScope();

    /** Adds the next core type index, named by {@code id} if present, and returns it. */
    public int declareType(Optional<Token.Id> id) {
        return scope.types.add(id);
    }

    /** The number of core types declared so far. */
    public int typeCount() {
        return scope.types.count();
    }

    /** Consumes a type index: {@code $id} or a u32. */
    public int typeIndex(Cursor c) {
        return scope.types.resolve(c);
    }

    /** Whether a type index ({@code $id} or u32) comes next. */
    public boolean peekTypeIndex(Cursor c) {
        return scope.types.peek(c);
    }

    /** The body of {@code (type $id? ...)} after the id, for the type at {@code selfIndex}. */
    public SubType subType(Cursor c, int selfIndex) {
        return scope.subType(c, selfIndex);
    }

    /** {@code (param ...)* (result ...)*}. */
    public FuncType signature(Cursor c) {
        return scope.signature(c).type();
    }

    public boolean peekValType(Cursor c) {
        return scope.peekValType(c);
    }

    public ValType valType(Cursor c) {
        return scope.valType(c);
    }

    public TableType tableType(Cursor c) {
        return scope.tableType(c);
    }

    public MemoryType memoryType(Cursor c) {
        return scope.memoryType(c);
    }

    public GlobalType globalType(Cursor c) {
        return scope.globalType(c);
    }
}
