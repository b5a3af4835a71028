package dev.jwc.binary.core.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.Locals;
import dev.jwc.binary.core.instr.Catch;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.AbstractHeapKind;
import dev.jwc.binary.core.types.BlockType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.ValType;
import dev.jwc.binary.core.validate.OperandStack.Frame;
import dev.jwc.binary.core.validate.OperandStack.FrameKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Types one instruction sequence (a function body or a constant expression) with the operand-stack
 * algorithm of the spec's validation appendix: control, variables, tables, memories' bulk operations,
 * calls and numeric instructions here; memory accesses and GC instructions in their own classes.
 */
final class OperatorValidator {
    private static final int MAX_LOCALS = 50_000;

    private final ModuleContext ctx;
    private final boolean constant;
    private final List<ValType> returns;
    private final OperandStack stack;
    private final MemoryOperators memory;
    private final GcOperators gc;

    private OperatorValidator(ModuleContext ctx, boolean constant, List<ValType> returns, ValType[] locals,
            boolean[] initialized) {
        this.ctx = ctx;
        this.constant = constant;
        this.returns = returns;
        this.stack = new OperandStack(ctx.types, locals, initialized);
        this.memory = new MemoryOperators(ctx, stack);
        this.gc = new GcOperators(ctx, stack);
    }

    /** Validates a function body against its type. */
    static void validateFunction(ModuleContext ctx, FuncType type, List<Locals> declared, Expression body,
            long offset) {
        long total = type.params().size();
        for (Locals l : declared) {
            total += Integer.toUnsignedLong(l.count());
            if (total > MAX_LOCALS) {
                throw new ValidationException("too many locals: locals exceed maximum", offset);
            }
        }
        ValType[] locals = new ValType[(int) total];
        boolean[] initialized = new boolean[locals.length];
        int n = 0;
        for (ValType p : type.params()) {
            initialized[n] = true;
            locals[n++] = p;
        }
        for (Locals l : declared) {
            ctx.checkValType(l.type(), offset);
            boolean defaultable = TypeContext.isDefaultable(l.type());
            for (int i = 0; i < l.count(); i++) {
                initialized[n] = defaultable;
                locals[n++] = l.type();
            }
        }
        new OperatorValidator(ctx, false, type.results(), locals, initialized)
                .run(body, type.results(), offset);
    }

    /** Validates a constant expression producing {@code expected}. */
    static void validateConstant(ModuleContext ctx, Expression expression, ValType expected, long offset) {
        new OperatorValidator(ctx, true, List.of(expected), new ValType[0], new boolean[0])
                .run(expression, List.of(expected), offset);
    }

    private void run(Expression expression, List<ValType> results, long fallbackOffset) {
        stack.enterFrame(FrameKind.FUNCTION, List.of(), results);
        List<Instruction> instructions = expression.instructions();
        for (int i = 0; i < instructions.size(); i++) {
            long at = expression.offsetOf(i);
            stack.at(at >= 0 ? at : fallbackOffset);
            if (stack.depth() == 0) {
                throw stack.error("operators remaining after end of function");
            }
            instruction(instructions.get(i));
        }
        stack.at(expression.endOffset() >= 0 ? expression.endOffset() : fallbackOffset);
        if (stack.depth() != 1) {
            throw stack.error(stack.depth() == 0 ? "operators remaining after end of function"
                    : constant ? "type mismatch: unclosed block in constant expression"
                    : "control frames remain at end of function: END opcode expected");
        }
        end();
    }

    private void instruction(Instruction instruction) {
        Opcode op = instruction.opcode();
        Immediate imm = instruction.immediate();
        op.feature().ifPresent(f -> ctx.require(f, stack.offset()));
        if (!ctx.features.has(Feature.FLOATS) && isFloatInstruction(op)) {
            throw stack.error("floating-point instruction disallowed");
        }
        if (constant) {
            checkConstant(op, imm);
        }
        Signature signature = NumericSignatures.of(op);
        if (signature != null) {
            for (int i = signature.params().size() - 1; i >= 0; i--) {
                stack.pop(signature.params().get(i));
            }
            for (NumType t : signature.results()) {
                stack.push(t);
            }
            return;
        }
        switch (op.immediateKind()) {
            case MEMARG -> memory.memoryAccess(op, (Immediate.MemArg) imm);
            case MEMARG_LANE -> memory.laneAccess(op, (Immediate.MemArgLane) imm);
            case LANE -> memory.laneOperation(op, ((Immediate.Index) imm).value());
            default -> special(op, imm);
        }
    }

    private static boolean isFloatInstruction(Opcode op) {
        String name = op.mnemonic();
        return name.startsWith("f32") || name.startsWith("f64") || name.contains("_f32") || name.contains("_f64");
    }

    private void checkConstant(Opcode op, Immediate imm) {
        switch (op) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST, REF_NULL, REF_FUNC -> {
            }
            case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> {
                if (!ctx.features.has(Feature.EXTENDED_CONST)) {
                    throw stack.error("constant expression required: non-constant operator: " + op.mnemonic());
                }
            }
            case STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, REF_I31,
                 ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
                if (!ctx.features.has(Feature.GC)) {
                    throw stack.error("constant expression required: non-constant operator: " + op.mnemonic());
                }
            }
            case GLOBAL_GET -> {
                int index = ((Immediate.Index) imm).value();
                GlobalType global = ctx.global(index, stack.offset());
                if (index >= ctx.importedGlobals && !ctx.features.has(Feature.GC)) {
                    throw stack.error("constant expression required: global.get of locally defined global");
                }
                if (global.mutable()) {
                    throw stack.error("constant expression required: global.get of mutable global");
                }
            }
            default -> throw stack.error("constant expression required: non-constant operator: " + op.mnemonic());
        }
    }

    private void special(Opcode op, Immediate imm) {
        switch (op) {
            case UNREACHABLE -> stack.unreachable();
            case NOP -> {
            }
            case BLOCK, LOOP, TRY -> {
                FuncType bt = blockType(((Immediate.Block) imm).type());
                stack.popAll(bt.params());
                stack.pushFrame(op == Opcode.BLOCK ? FrameKind.BLOCK : op == Opcode.LOOP ? FrameKind.LOOP : FrameKind.TRY,
                        bt.params(), bt.results());
            }
            case IF -> {
                FuncType bt = blockType(((Immediate.Block) imm).type());
                stack.pop(NumType.I32);
                stack.popAll(bt.params());
                stack.pushFrame(FrameKind.IF, bt.params(), bt.results());
            }
            case ELSE -> {
                Frame frame = stack.top();
                if (frame.kind != FrameKind.IF) {
                    throw stack.error("else found outside of an `if` block");
                }
                stack.popFrame();
                stack.pushFrame(FrameKind.ELSE, frame.params, frame.results);
            }
            case END -> end();
            case TRY_TABLE -> tryTable((Immediate.TryTable) imm);
            case CATCH -> {
                Frame frame = legacyCatchFrame("catch");
                FuncType tag = ctx.tag(((Immediate.Index) imm).value(), stack.offset());
                stack.popFrame();
                stack.enterFrame(FrameKind.CATCH, frame.params, frame.results);
                stack.pushAll(tag.params());
            }
            case CATCH_ALL -> {
                Frame frame = legacyCatchFrame("catch_all");
                stack.popFrame();
                stack.enterFrame(FrameKind.CATCH_ALL, frame.params, frame.results);
            }
            case DELEGATE -> {
                Frame frame = stack.top();
                if (frame.kind != FrameKind.TRY) {
                    throw stack.error("delegate found outside of an `try` block");
                }
                stack.popFrame();
                if (Integer.compareUnsigned(((Immediate.Index) imm).value(), stack.depth()) >= 0) {
                    throw stack.error("unknown label: branch depth too large");
                }
                stack.pushAll(frame.results);
            }
            case RETHROW -> {
                Frame target = stack.label(((Immediate.Index) imm).value());
                if (target.kind != FrameKind.CATCH && target.kind != FrameKind.CATCH_ALL) {
                    throw stack.error("invalid rethrow label: target was not a `catch` block");
                }
                stack.unreachable();
            }
            case THROW -> {
                FuncType tag = ctx.tag(((Immediate.Index) imm).value(), stack.offset());
                stack.popAll(tag.params());
                stack.unreachable();
            }
            case THROW_REF -> {
                stack.pop(RefType.EXNREF);
                stack.unreachable();
            }
            case BR -> {
                stack.popAll(stack.label(((Immediate.Index) imm).value()).labelTypes());
                stack.unreachable();
            }
            case BR_IF -> {
                List<ValType> types = stack.label(((Immediate.Index) imm).value()).labelTypes();
                stack.pop(NumType.I32);
                stack.popAll(types);
                stack.pushAll(types);
            }
            case BR_TABLE -> brTable((Immediate.BrTable) imm);
            case RETURN -> {
                stack.popAll(returns);
                stack.unreachable();
            }
            case CALL -> call(ctx.functionType(((Immediate.Index) imm).value(), stack.offset()));
            case RETURN_CALL -> returnCall(ctx.functionType(((Immediate.Index) imm).value(), stack.offset()));
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FuncType type = ctx.funcType(i.first(), stack.offset());
                TableType table = ctx.table(i.second(), stack.offset());
                if (!ctx.types.isSubtype(table.element(), RefType.FUNCREF)) {
                    throw stack.error("type mismatch: indirect calls must go through a table with type <= funcref");
                }
                stack.pop(table.indexType());
                if (op == Opcode.CALL_INDIRECT) {
                    call(type);
                } else {
                    returnCall(type);
                }
            }
            case CALL_REF, RETURN_CALL_REF -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FuncType type = ctx.funcType(typeIndex, stack.offset());
                stack.pop(new RefType(true, HeapType.index(typeIndex)));
                if (op == Opcode.CALL_REF) {
                    call(type);
                } else {
                    returnCall(type);
                }
            }
            case DROP -> stack.pop();
            case SELECT -> select();
            case SELECT_TYPED -> {
                List<ValType> types = ((Immediate.ValTypes) imm).types();
                if (types.size() != 1) {
                    throw stack.error("invalid result arity");
                }
                ctx.checkValType(types.get(0), stack.offset());
                stack.pop(NumType.I32);
                stack.pop(types.get(0));
                stack.pop(types.get(0));
                stack.push(types.get(0));
            }
            case LOCAL_GET -> {
                int index = ((Immediate.Index) imm).value();
                ValType type = stack.local(index);
                if (!stack.isInitialized(index)) {
                    throw stack.error("uninitialized local: " + index);
                }
                stack.push(type);
            }
            case LOCAL_SET -> {
                int index = ((Immediate.Index) imm).value();
                stack.pop(stack.local(index));
                stack.markInitialized(index);
            }
            case LOCAL_TEE -> {
                int index = ((Immediate.Index) imm).value();
                ValType type = stack.local(index);
                stack.pop(type);
                stack.markInitialized(index);
                stack.push(type);
            }
            case GLOBAL_GET -> stack.push(ctx.global(((Immediate.Index) imm).value(), stack.offset()).type());
            case GLOBAL_SET -> {
                GlobalType global = ctx.global(((Immediate.Index) imm).value(), stack.offset());
                if (!global.mutable()) {
                    throw stack.error("global is immutable: cannot modify it with `global.set`");
                }
                stack.pop(global.type());
            }
            case TABLE_GET -> {
                TableType table = ctx.table(((Immediate.Index) imm).value(), stack.offset());
                stack.pop(table.indexType());
                stack.push(table.element());
            }
            case TABLE_SET -> {
                TableType table = ctx.table(((Immediate.Index) imm).value(), stack.offset());
                stack.pop(table.element());
                stack.pop(table.indexType());
            }
            case TABLE_SIZE -> stack.push(ctx.table(((Immediate.Index) imm).value(), stack.offset()).indexType());
            case TABLE_GROW -> {
                TableType table = ctx.table(((Immediate.Index) imm).value(), stack.offset());
                stack.pop(table.indexType());
                stack.pop(table.element());
                stack.push(table.indexType());
            }
            case TABLE_FILL -> {
                TableType table = ctx.table(((Immediate.Index) imm).value(), stack.offset());
                stack.pop(table.indexType());
                stack.pop(table.element());
                stack.pop(table.indexType());
            }
            case TABLE_COPY -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                TableType dst = ctx.table(i.first(), stack.offset());
                TableType src = ctx.table(i.second(), stack.offset());
                if (!ctx.types.isSubtype(src.element(), dst.element())) {
                    throw stack.error("type mismatch: table.copy source element type does not match the destination");
                }
                stack.pop(dst.table64() && src.table64() ? NumType.I64 : NumType.I32);
                stack.pop(src.indexType());
                stack.pop(dst.indexType());
            }
            case TABLE_INIT -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                RefType segment = ctx.element(i.first(), stack.offset());
                TableType table = ctx.table(i.second(), stack.offset());
                if (!ctx.types.isSubtype(segment, table.element())) {
                    throw stack.error("type mismatch: table.init segment type does not match the table's element type");
                }
                stack.pop(NumType.I32);
                stack.pop(NumType.I32);
                stack.pop(table.indexType());
            }
            case ELEM_DROP -> ctx.element(((Immediate.Index) imm).value(), stack.offset());
            case MEMORY_SIZE -> stack.push(memory.memory(((Immediate.Index) imm).value()).indexType());
            case MEMORY_GROW -> {
                NumType index = memory.memory(((Immediate.Index) imm).value()).indexType();
                stack.pop(index);
                stack.push(index);
            }
            case MEMORY_FILL -> {
                NumType index = memory.memory(((Immediate.Index) imm).value()).indexType();
                stack.pop(index);
                stack.pop(NumType.I32);
                stack.pop(index);
            }
            case MEMORY_COPY -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                MemoryType dst = memory.memory(i.first());
                MemoryType src = memory.memory(i.second());
                stack.pop(dst.memory64() && src.memory64() ? NumType.I64 : NumType.I32);
                stack.pop(src.indexType());
                stack.pop(dst.indexType());
            }
            case MEMORY_INIT -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                MemoryType target = memory.memory(i.second());
                ctx.data(i.first(), stack.offset());
                stack.pop(NumType.I32);
                stack.pop(NumType.I32);
                stack.pop(target.indexType());
            }
            case DATA_DROP -> ctx.data(((Immediate.Index) imm).value(), stack.offset());
            case I32_CONST -> stack.push(NumType.I32);
            case I64_CONST -> stack.push(NumType.I64);
            case F32_CONST -> stack.push(NumType.F32);
            case F64_CONST -> stack.push(NumType.F64);
            case V128_CONST -> stack.push(NumType.V128);
            case I8X16_SHUFFLE -> {
                byte[] lanes = ((Immediate.V128) imm).bytes();
                for (byte lane : lanes) {
                    if ((lane & 0xff) >= 32) {
                        throw stack.error("invalid lane index");
                    }
                }
                stack.pop(NumType.V128);
                stack.pop(NumType.V128);
                stack.push(NumType.V128);
            }
            case ATOMIC_FENCE -> {
            }
            case REF_NULL -> {
                HeapType heap = ((Immediate.Heap) imm).type();
                ctx.checkHeapType(heap, stack.offset());
                stack.push(new RefType(true, heap));
            }
            case REF_IS_NULL -> {
                stack.popRef();
                stack.push(NumType.I32);
            }
            case REF_FUNC -> {
                int index = ((Immediate.Index) imm).value();
                int typeIndex = functionTypeIndex(index);
                if (!constant && !ctx.declaredFunctions.get(index)) {
                    throw stack.error("undeclared function reference");
                }
                stack.push(ctx.features.has(Feature.FUNCTION_REFERENCES)
                        ? RefType.nonNull(HeapType.index(typeIndex)) : RefType.FUNCREF);
            }
            case REF_AS_NON_NULL -> {
                RefType ref = stack.popRef();
                stack.push(ref == null ? null : ref.asNullable(false));
            }
            case BR_ON_NULL -> {
                RefType ref = stack.popRef();
                List<ValType> types = stack.label(((Immediate.Index) imm).value()).labelTypes();
                stack.popAll(types);
                stack.pushAll(types);
                stack.push(ref == null ? null : ref.asNullable(false));
            }
            case BR_ON_NON_NULL -> {
                RefType ref = stack.popRef();
                List<ValType> types = stack.label(((Immediate.Index) imm).value()).labelTypes();
                if (types.isEmpty() || !(types.get(types.size() - 1) instanceof RefType last)) {
                    throw stack.error("type mismatch: br_on_non_null target has no reference type");
                }
                if (ref != null && !ctx.types.isSubtype(ref.asNullable(false), last)) {
                    throw stack.error("type mismatch: expected " + last.text() + ", found " + ref.asNullable(false).text());
                }
                List<ValType> rest = types.subList(0, types.size() - 1);
                stack.popAll(rest);
                stack.pushAll(rest);
            }
            case REF_EQ, REF_TEST, REF_CAST, BR_ON_CAST, BR_ON_CAST_FAIL, REF_I31, I31_GET_S, I31_GET_U,
                 ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY, STRUCT_NEW, STRUCT_NEW_DEFAULT, STRUCT_GET, STRUCT_GET_S,
                 STRUCT_GET_U, STRUCT_SET, ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, ARRAY_NEW_DATA,
                 ARRAY_INIT_DATA, ARRAY_NEW_ELEM, ARRAY_INIT_ELEM, ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U, ARRAY_SET,
                 ARRAY_LEN, ARRAY_FILL, ARRAY_COPY -> gc.apply(op, imm);
            default -> throw new IllegalStateException("no typing rule for " + op.mnemonic());
        }
    }

    private void end() {
        Frame frame = stack.popFrame();
        if (frame.kind == FrameKind.IF && !passesThrough(frame.params, frame.results)) {
            // The missing else branch hands the parameters on as the results.
            throw stack.error("type mismatch: if without else must produce its parameters as results");
        }
        stack.pushAll(frame.results);
    }

    private boolean passesThrough(List<ValType> params, List<ValType> results) {
        if (params.size() != results.size()) {
            return false;
        }
        for (int i = 0; i < params.size(); i++) {
            if (!ctx.types.isSubtype(params.get(i), results.get(i))) {
                return false;
            }
        }
        return true;
    }

    private Frame legacyCatchFrame(String what) {
        Frame frame = stack.top();
        if (frame.kind == FrameKind.CATCH_ALL) {
            throw stack.error("catch found outside of an `try` block: " + what + " after catch_all");
        }
        if (frame.kind != FrameKind.TRY && frame.kind != FrameKind.CATCH) {
            throw stack.error(what + " found outside of an `try` block");
        }
        return frame;
    }

    private void tryTable(Immediate.TryTable tryTable) {
        FuncType bt = blockType(tryTable.type());
        stack.popAll(bt.params());
        for (Catch c : tryTable.catches()) {
            List<ValType> carried = new ArrayList<>();
            if (c.kind().hasTag()) {
                FuncType tag = ctx.tag(c.tag(), stack.offset());
                carried.addAll(tag.params());
            }
            if (c.kind().pushesExnRef()) {
                carried.add(RefType.nonNull(HeapType.of(AbstractHeapKind.EXN)));
            }
            List<ValType> target = stack.label(c.label()).labelTypes();
            if (target.size() != carried.size()) {
                throw stack.error("type mismatch: catch label must match the values the catch produces");
            }
            for (int i = 0; i < target.size(); i++) {
                if (!ctx.types.isSubtype(carried.get(i), target.get(i))) {
                    throw stack.error("type mismatch: catch label must match the values the catch produces");
                }
            }
        }
        stack.pushFrame(FrameKind.TRY_TABLE, bt.params(), bt.results());
    }

    private void brTable(Immediate.BrTable table) {
        stack.pop(NumType.I32);
        Frame defaultFrame = stack.label(table.defaultTarget());
        int arity = defaultFrame.labelTypes().size();
        for (int target : table.targets()) {
            List<ValType> types = stack.label(target).labelTypes();
            if (types.size() != arity) {
                throw stack.error("type mismatch: br_table target labels have different number of types");
            }
            List<ValType> popped = new ArrayList<>();
            for (int i = types.size() - 1; i >= 0; i--) {
                popped.add(stack.pop(types.get(i)));
            }
            for (int i = popped.size() - 1; i >= 0; i--) {
                stack.push(popped.get(i));
            }
        }
        stack.popAll(defaultFrame.labelTypes());
        stack.unreachable();
    }

    private void call(FuncType type) {
        stack.popAll(type.params());
        stack.pushAll(type.results());
    }

    private void returnCall(FuncType type) {
        boolean matches = type.results().size() == returns.size();
        for (int i = 0; matches && i < returns.size(); i++) {
            matches = ctx.types.isSubtype(type.results().get(i), returns.get(i));
        }
        if (!matches) {
            throw stack.error("type mismatch: current function requires result type " + types(returns)
                    + " but callee returns " + types(type.results()));
        }
        stack.popAll(type.params());
        stack.unreachable();
    }

    private static String types(List<ValType> types) {
        return types.stream().map(OperandStack::text).toList().toString();
    }

    private void select() {
        stack.pop(NumType.I32);
        ValType first = stack.pop();
        ValType second = stack.pop();
        if (first instanceof RefType || second instanceof RefType) {
            throw stack.error("type mismatch: select only takes integral types");
        }
        if (first != null && second != null && first != second) {
            throw stack.error("type mismatch: select operands have different types");
        }
        stack.push(first != null ? first : second);
    }

    private FuncType blockType(BlockType type) {
        return switch (type) {
            case BlockType.Empty e -> FuncType.EMPTY;
            case BlockType.Value v -> {
                ctx.checkValType(v.type(), stack.offset());
                yield new FuncType(List.of(), List.of(v.type()));
            }
            case BlockType.TypeIndex t -> ctx.funcType(t.index(), stack.offset());
        };
    }

    private int functionTypeIndex(int funcIndex) {
        ctx.functionType(funcIndex, stack.offset());
        return ctx.functions.get(funcIndex);
    }

}
