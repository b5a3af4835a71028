package dev.jwc.text.core;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.ValType;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import java.util.Optional;

/**
 * The core type syntax on its own, for parsers that meet core types outside a core module: a
 * component's {@code (core type ...)} definitions and module types. The caller declares the type
 * index space (so that {@code $id}s in {@code (ref $t)} resolve), then parses types with it.
 */
public final class CoreTypeParser {
    private final ModuleScope scope = new ModuleScope();

    /** Declares the next type index, named by {@code id} if present; returns the index. */
    public int declareType(Optional<Token.Id> id) {
        return scope.types.add(id);
    }

    /** Whether a value type ({@code i32}, {@code funcref}, {@code (ref ...)}, ...) comes next. */
    public boolean peekValType(Cursor c) {
        return scope.peekValType(c);
    }

    public ValType valType(Cursor c) {
        return scope.valType(c);
    }

    public RefType refType(Cursor c) {
        return scope.refType(c);
    }

    public HeapType heapType(Cursor c) {
        return scope.heapType(c);
    }

    /** {@code (param ...)* (result ...)*}. */
    public FuncType funcType(Cursor c) {
        return scope.signature(c).type();
    }

    /**
     * The definition inside {@code (type $id? ...)} (after the id): {@code (func ...)}, {@code (struct ...)},
     * {@code (array ...)}, {@code (sub final? idx* ...)} or {@code (shared ...)}; {@code index} is the
     * type's own index, which names its struct fields.
     */
    public SubType subType(Cursor c, int index) {
        return scope.subType(c, index);
    }

    public GlobalType globalType(Cursor c) {
        return scope.globalType(c);
    }

    public TableType tableType(Cursor c) {
        return scope.tableType(c);
    }

    public MemoryType memoryType(Cursor c) {
        return scope.memoryType(c);
    }
}
