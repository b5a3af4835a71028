package dev.jwc.text.core;

import dev.jwc.binary.core.DataSegment;
import dev.jwc.binary.core.ElementSegment;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Element and data segments with their abbreviations, and the constant expressions they and globals
 * use, parsed as wasm-tools parses them.
 */
final class SegmentParser {
    /** The heads of numeric data values, which cannot start an offset expression. */
    private static final Set<String> DATA_VALUES = Set.of("i8", "i16", "i32", "i64", "f32", "f64", "v128");

    private final ModuleScope scope;

    SegmentParser(ModuleScope scope) {
        this.scope = scope;
    }

    static Expression zero(boolean is64) {
        return Expression.of(is64 ? Instruction.i64Const(0) : Instruction.i32Const(0));
    }

    /**
     * The bytes of a data segment: strings, and numeric values {@code (i8 n*)}, {@code (i16 n*)},
     * {@code (i32 n*)}, {@code (i64 n*)}, {@code (f32 z*)}, {@code (f64 z*)}, {@code (v128 shape lane*)}
     * stored little-endian.
     */
    static byte[] bytes(Cursor c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!c.atEnd()) {
            if (!c.peekList()) {
                out.writeBytes(c.string());
                continue;
            }
            Position at = c.position();
            Cursor v = c.list();
            String type = v.keyword();
            while (!v.atEnd()) {
                switch (type) {
                    case "i8" -> littleEndian(out, v.integer(8), 1);
                    case "i16" -> littleEndian(out, v.integer(16), 2);
                    case "i32" -> littleEndian(out, v.i32(), 4);
                    case "i64" -> littleEndian(out, v.i64(), 8);
                    case "f32" -> littleEndian(out, v.f32(), 4);
                    case "f64" -> littleEndian(out, v.f64(), 8);
                    case "v128" -> out.writeBytes(V128Literal.parse(v));
                    default -> throw new TextException(at, "expected a string or a data value such as (i32 ...)");
                }
            }
        }
        return out.toByteArray();
    }

    private static void littleEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    /** A constant expression made of the rest of {@code c}. */
    Expression expression(Cursor c) {
        return new ExpressionParser(scope, new Namespace("local")).parse(c);
    }

    /** A constant expression of one folded instruction. */
    private Expression singleInstruction(SExpr.SList instruction) {
        return expression(new Cursor(List.of(instruction), instruction.end()));
    }

    /** {@code (offset instr*)} or a single folded instruction. */
    private Expression offset(Cursor c) {
        return c.peekList("offset") ? expression(c.list("offset")) : singleInstruction(c.listItem());
    }

    ElementSegment element(Cursor c) {
        ElementSegment.Mode mode;
        boolean legacyIndices = false;
        if (c.takeKeyword("declare")) {
            mode = new ElementSegment.Declarative();
        } else if (c.peekList("table") || scope.tables.peek(c)) {
            OptionalInt table;
            if (c.peekList("table")) {
                Cursor t = c.list("table");
                table = OptionalInt.of(scope.tables.resolve(t));
                t.expectEnd();
            } else {
                // the legacy `(elem 0 (offset ...) idx*)` form, which may list bare indices
                table = OptionalInt.of(scope.tables.resolve(c));
                legacyIndices = true;
            }
            mode = new ElementSegment.Active(table, offset(c));
        } else if (c.peekList() && !c.peekList("ref")) {
            mode = new ElementSegment.Active(OptionalInt.empty(), offset(c));
            legacyIndices = true;
        } else {
            mode = new ElementSegment.Passive();
        }
        if (legacyIndices && (c.atEnd() || scope.funcs.peek(c))) {
            List<Integer> funcs = new ArrayList<>();
            while (!c.atEnd()) {
                funcs.add(scope.funcs.resolve(c));
            }
            return new ElementSegment(mode, new ElementSegment.Functions(funcs));
        }
        if (c.takeKeyword("func")) {
            return new ElementSegment(mode, elementItems(c, RefType.FUNCREF, true));
        }
        RefType type = scope.refType(c);
        return new ElementSegment(mode, elementItems(c, type, false));
    }

    /**
     * {@code idx*} (when allowed) or {@code (item expr)* | expr*}. Indices into a table of another type
     * than {@code funcref} become {@code ref.func} expressions, the only encoding that carries the type.
     */
    ElementSegment.Items elementItems(Cursor c, RefType type, boolean indicesAllowed) {
        if (indicesAllowed && (c.atEnd() || scope.funcs.peek(c))) {
            List<Integer> funcs = new ArrayList<>();
            while (!c.atEnd()) {
                funcs.add(scope.funcs.resolve(c));
            }
            if (!type.equals(RefType.FUNCREF)) {
                return new ElementSegment.Expressions(type, funcs.stream()
                        .map(f -> Expression.of(Instruction.index(Opcode.REF_FUNC, f))).toList());
            }
            return new ElementSegment.Functions(funcs);
        }
        List<Expression> exprs = new ArrayList<>();
        while (!c.atEnd()) {
            if (c.peekList("item")) {
                exprs.add(expression(c.list("item")));
            } else {
                exprs.add(singleInstruction(c.listItem()));
            }
        }
        return new ElementSegment.Expressions(type, exprs);
    }

    DataSegment data(Cursor c) {
        DataSegment.Mode mode;
        if (c.peekList("memory") || scope.memories.peek(c)) {
            int memory;
            if (c.peekList("memory")) {
                Cursor m = c.list("memory");
                memory = scope.memories.resolve(m);
                m.expectEnd();
            } else {
                memory = scope.memories.resolve(c);
            }
            mode = new DataSegment.Active(memory, offset(c));
        } else if (c.peekList() && !c.peekListHead().filter(DATA_VALUES::contains).isPresent()) {
            mode = new DataSegment.Active(0, offset(c));
        } else {
            mode = new DataSegment.Passive();
        }
        return new DataSegment(mode, bytes(c));
    }
}
