package dev.jwc.text.print;

import dev.jwc.binary.core.instr.Catch;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.BlockType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints instructions in wasmprinter's flat style: one per line, block contents indented, unnamed block
 * labels annotated {@code ;; label = @N} and branch depths {@code (;@N;)}; constant expressions go on one
 * line separated by spaces. Mnemonics come from {@link Opcode}.
 */
final class Instructions {
    private final Out out;
    private final CoreSpace space;
    private final int func;
    private final boolean oneLine;
    private final int nestingStart;
    private final List<Integer> labelStack = new ArrayList<>();
    private int nextLabel;
    private boolean first = true;

    private Instructions(Out out, CoreSpace space, int func, boolean oneLine) {
        this.out = out;
        this.space = space;
        this.func = func;
        this.oneLine = oneLine;
        this.nestingStart = out.nesting();
    }

    /** A function body, each instruction on its own line; {@code func} indexes local and label names. */
    static void body(Out out, CoreSpace space, int func, Expression body) {
        Instructions printer = new Instructions(out, space, func, false);
        body.instructions().forEach(printer::instruction);
        if (out.nesting() != printer.nestingStart) {
            // An unbalanced (invalid) body: restore the indentation and end the line.
            out.indent(printer.nestingStart - out.nesting());
            out.newline();
        }
    }

    /** A constant expression on one line. */
    static void constant(Out out, CoreSpace space, Expression expr) {
        Instructions printer = new Instructions(out, space, space.funcs, true);
        expr.instructions().forEach(printer::instruction);
    }

    /** {@code (i32.const 0)} for a single instruction, else {@code (<keyword> i32.const 1 i32.const 2 ...)}. */
    static void sugared(Out out, CoreSpace space, Expression expr, String keyword) {
        out.open("");
        if (expr.instructions().size() > 1) {
            out.text(keyword + " ");
        }
        constant(out, space, expr);
        out.close();
    }

    private void separator() {
        if (oneLine) {
            if (!first) {
                out.space();
            }
            first = false;
        } else {
            out.newline();
        }
    }

    private void instruction(Instruction instruction) {
        Opcode op = instruction.opcode();
        switch (op) {
            case BLOCK, LOOP, IF, TRY, TRY_TABLE -> {
                separator();
                out.indent(1);
                labelStack.add(nextLabel);
            }
            case ELSE, CATCH, CATCH_ALL -> {
                out.indent(-1);
                separator();
                out.indent(1);
            }
            case END, DELEGATE -> {
                if (out.nesting() > nestingStart) {
                    out.indent(-1);
                }
                separator();
            }
            default -> separator();
        }
        out.text(op.mnemonic());
        immediates(op, instruction.immediate());
        if (op == Opcode.END && !labelStack.isEmpty()) {
            labelStack.removeLast();
        }
    }

    private void immediates(Opcode op, Immediate imm) {
        switch (op.immediateKind()) {
            case NONE, ATOMIC_FENCE -> {
            }
            case BLOCK_TYPE -> {
                boolean named = blockType(((Immediate.Block) imm).type());
                labelComment(named);
            }
            case LABEL -> depth(index(imm));
            case BR_TABLE -> {
                Immediate.BrTable t = (Immediate.BrTable) imm;
                t.targets().forEach(this::depth);
                depth(t.defaultTarget());
            }
            case FUNC -> ref(space.funcNames, index(imm));
            case CALL_INDIRECT -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                if (i.second() != 0) {
                    ref(space.tableNames, i.second());
                }
                out.space();
                CoreTypes.typeUse(out, space, i.first());
            }
            case TYPE -> ref(space.typeNames, index(imm));
            case LOCAL -> {
                out.space();
                identifierOrIndex(space.local(func, index(imm)), index(imm));
            }
            case GLOBAL -> ref(space.globalNames, index(imm));
            case TABLE -> ref(space.tableNames, index(imm));
            case MEMORY -> {
                if (index(imm) != 0) {
                    ref(space.memoryNames, index(imm));
                }
            }
            case MEMARG -> memArg(op, (Immediate.MemArg) imm);
            case MEMARG_LANE -> {
                Immediate.MemArgLane m = (Immediate.MemArgLane) imm;
                memArg(op, m.memArg());
                out.text(" " + m.lane());
            }
            case I32 -> out.text(" " + ((Immediate.I32) imm).value());
            case I64 -> out.text(" " + ((Immediate.I64) imm).value());
            case F32 -> out.text(" " + FloatText.f32(((Immediate.F32) imm).bits()));
            case F64 -> out.text(" " + FloatText.f64(((Immediate.F64) imm).bits()));
            case V128 -> {
                Immediate.V128 v = (Immediate.V128) imm;
                out.text(" i32x4");
                for (int i = 0; i < 16; i += 4) {
                    out.text(String.format(" 0x%02x%02x%02x%02x", v.byteAt(i + 3), v.byteAt(i + 2), v.byteAt(i + 1),
                            v.byteAt(i)));
                }
            }
            case LANE -> out.text(" " + index(imm));
            case SHUFFLE -> {
                Immediate.V128 v = (Immediate.V128) imm;
                for (int i = 0; i < 16; i++) {
                    out.text(" " + v.byteAt(i));
                }
            }
            case HEAP_TYPE -> {
                out.space();
                CoreTypes.heapType(out, space, ((Immediate.Heap) imm).type());
            }
            case SELECT_TYPES -> {
                out.space().open("result");
                for (ValType t : ((Immediate.ValTypes) imm).types()) {
                    out.space();
                    CoreTypes.valType(out, space, t);
                }
                out.close();
            }
            case TABLE_INIT -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                if (i.second() != 0) {
                    ref(space.tableNames, i.second());
                }
                ref(space.elemNames, i.first());
            }
            case TABLE_COPY -> pair((Immediate.Indices) imm, space.tableNames);
            case MEMORY_INIT -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                if (i.second() != 0) {
                    ref(space.memoryNames, i.second());
                }
                ref(space.dataNames, i.first());
            }
            case MEMORY_COPY -> pair((Immediate.Indices) imm, space.memoryNames);
            case ELEM -> ref(space.elemNames, index(imm));
            case DATA -> ref(space.dataNames, index(imm));
            case STRUCT_FIELD -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                ref(space.typeNames, i.first());
                out.space();
                identifierOrIndex(space.field(i.first(), i.second()), i.second());
            }
            case ARRAY_FIXED -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                ref(space.typeNames, i.first());
                out.text(" " + Integer.toUnsignedString(i.second()));
            }
            case ARRAY_DATA -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                ref(space.typeNames, i.first());
                ref(space.dataNames, i.second());
            }
            case ARRAY_ELEM -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                ref(space.typeNames, i.first());
                ref(space.elemNames, i.second());
            }
            case ARRAY_COPY -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                ref(space.typeNames, i.first());
                ref(space.typeNames, i.second());
            }
            case REF_CAST -> refType(((Immediate.Ref) imm).type());
            case BR_ON_CAST -> {
                Immediate.BrOnCast b = (Immediate.BrOnCast) imm;
                depth(b.label());
                refType(b.from());
                refType(b.to());
            }
            case TAG -> ref(space.tagNames, index(imm));
            case TRY_TABLE -> tryTable((Immediate.TryTable) imm);
        }
    }

    private static int index(Immediate imm) {
        return ((Immediate.Index) imm).value();
    }

    private void identifierOrIndex(Naming name, int index) {
        if (name == null) {
            out.text(Integer.toUnsignedString(index));
        } else {
            name.writeIdentifier(out);
        }
    }

    private void ref(NameMap names, int index) {
        out.space();
        names.ref(out, index);
    }

    private void refType(RefType type) {
        out.space();
        CoreTypes.refType(out, space, type);
    }

    /** Both indices when either is not 0, else nothing. */
    private void pair(Immediate.Indices i, NameMap names) {
        if (i.first() != 0 || i.second() != 0) {
            ref(names, i.first());
            ref(names, i.second());
        }
    }

    private void memArg(Opcode op, Immediate.MemArg m) {
        if (m.memory() != 0) {
            ref(space.memoryNames, m.memory());
        }
        if (m.offset() != 0) {
            out.text(" offset=" + Long.toUnsignedString(m.offset()));
        }
        if (m.alignLog2() != op.naturalAlignLog2()) {
            out.text(" align=" + Long.toUnsignedString(1L << m.alignLog2()));
        }
    }

    /** The block's label name and type; returns whether the label had a name. */
    private boolean blockType(BlockType type) {
        Naming name = space.label(func, nextLabel);
        if (name != null) {
            out.space();
            name.write(out);
        }
        switch (type) {
            case BlockType.Empty e -> {
            }
            case BlockType.Value v -> {
                out.space().open("result ");
                CoreTypes.valType(out, space, v.type());
                out.close();
            }
            case BlockType.TypeIndex t -> {
                out.space();
                CoreTypes.typeUseWithSignature(out, space, t.index(), -1);
            }
        }
        return name != null;
    }

    private void labelComment(boolean named) {
        if (!named) {
            out.text(" ;; label = @" + depthNow());
        }
        nextLabel++;
    }

    private int depthNow() {
        return out.nesting() - nestingStart;
    }

    /** A branch target: the label's name when unambiguous, else the depth and the label it reaches. */
    private void depth(int depth) {
        depthFrom(depth, depthNow(), labelStack);
    }

    private void depthFrom(int depth, int current, List<Integer> labels) {
        out.space();
        int target = current - depth;
        if (depth < 0 || target < 0) {
            out.text(Integer.toUnsignedString(depth) + " (; INVALID ;)");
            return;
        }
        Naming name = target >= 1 && target - 1 < labels.size() ? space.label(func, labels.get(target - 1)) : null;
        boolean conflict = false;
        if (name != null) {
            for (int i = target; i < labels.size(); i++) {
                Naming other = space.label(func, labels.get(i));
                if (other != null && other.name().equals(name.name())) {
                    conflict = true;
                }
            }
        }
        if (name != null && !conflict) {
            name.write(out);
            return;
        }
        out.text(Integer.toString(depth));
        if (!conflict && target > 0) {
            out.text(" (;@" + target + ";)");
        }
    }

    /** Catch clauses branch to labels outside the {@code try_table}, so they resolve one level up. */
    private void tryTable(Immediate.TryTable t) {
        boolean named = blockType(t.type());
        List<Integer> outer = labelStack.subList(0, labelStack.size() - 1);
        int base = depthNow() - 1;
        for (Catch c : t.catches()) {
            out.space().open(c.kind().text());
            if (c.kind().hasTag()) {
                ref(space.tagNames, c.tag());
            }
            depthFrom(c.label(), base, outer);
            out.close();
        }
        labelComment(named);
    }
}
