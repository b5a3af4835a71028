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
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.PackedType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Types one instruction sequence with the operand-stack algorithm of the spec's validation appendix.
 * {@code null} on the operand stack stands for the unknown (bottom) type of unreachable code.
 */
final class OperatorValidator {
    private static final int MAX_LOCALS = 50_000;

    private enum FrameKind { FUNCTION, BLOCK, LOOP, IF, ELSE, TRY, CATCH, CATCH_ALL, TRY_TABLE }

    private static final class Frame {
        final FrameKind kind;
        final List<ValType> params;
        final List<ValType> results;
        final int height;
        final int initHeight;
        boolean unreachable;

        Frame(FrameKind kind, List<ValType> params, List<ValType> results, int height, int initHeight) {
            this.kind = kind;
            this.params = params;
            this.results = results;
            this.height = height;
            this.initHeight = initHeight;
        }

        List<ValType> labelTypes() {
            return kind == FrameKind.LOOP ? params : results;
        }
    }

    private final ModuleContext ctx;
    private final boolean constant;
    private final List<ValType> returns;
    private final ValType[] locals;
    private final boolean[] initialized;
    private int[] initLog = new int[8];
    private int initLogSize;
    private final ArrayList<ValType> stack = new ArrayList<>();
    private final ArrayList<Frame> frames = new ArrayList<>();
    private long offset;

    private OperatorValidator(ModuleContext ctx, boolean constant, List<ValType> returns, ValType[] locals,
            boolean[] initialized) {
        this.ctx = ctx;
        this.constant = constant;
        this.returns = returns;
        this.locals = locals;
        this.initialized = initialized;
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
            boolean defaultable = isDefaultable(l.type());
            for (int i = 0; i < l.count(); i++) {
                initialized[n] = defaultable;
                locals[n++] = l.type();
            }
        }
        new OperatorValidator(ctx, false, type.results(), locals, initialized).run(body, type.results(), offset);
    }

    /** Validates a constant expression producing {@code expected}. */
    static void validateConstant(ModuleContext ctx, Expression expression, ValType expected, long offset) {
        new OperatorValidator(ctx, true, List.of(expected), new ValType[0], new boolean[0])
                .run(expression, List.of(expected), offset);
    }

    private void run(Expression expression, List<ValType> results, long fallbackOffset) {
        frames.add(new Frame(FrameKind.FUNCTION, List.of(), results, 0, 0));
        List<Instruction> instructions = expression.instructions();
        for (int i = 0; i < instructions.size(); i++) {
            long at = expression.offsetOf(i);
            offset = at >= 0 ? at : fallbackOffset;
            if (frames.isEmpty()) {
                throw error("operators remaining after end of function");
            }
            instruction(instructions.get(i));
        }
        offset = expression.endOffset() >= 0 ? expression.endOffset() : fallbackOffset;
        if (frames.size() != 1) {
            throw error(constant ? "type mismatch: unclosed block in constant expression"
                    : "control frames remain at end of function: END opcode expected");
        }
        end();
    }

    private ValidationException error(String message) {
        return new ValidationException(message, offset);
    }

    // ---- operand stack ----

    private void push(ValType type) {
        stack.add(type);
    }

    private void pushAll(List<ValType> types) {
        stack.addAll(types);
    }

    private ValType pop() {
        Frame frame = frames.get(frames.size() - 1);
        if (stack.size() == frame.height) {
            if (frame.unreachable) {
                return null;
            }
            throw error("type mismatch: expected a type but nothing on stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private ValType pop(ValType expected) {
        Frame frame = frames.get(frames.size() - 1);
        if (stack.size() == frame.height) {
            if (frame.unreachable) {
                return expected;
            }
            throw error("type mismatch: expected " + text(expected) + " but nothing on stack");
        }
        ValType actual = stack.remove(stack.size() - 1);
        if (!ctx.types.isSubtype(actual, expected)) {
            throw error("type mismatch: expected " + text(expected) + ", found " + text(actual));
        }
        return actual == null ? expected : actual;
    }

    private void popAll(List<ValType> expected) {
        for (int i = expected.size() - 1; i >= 0; i--) {
            pop(expected.get(i));
        }
    }

    /** Pops a reference; {@code null} when unknown (unreachable code). */
    private RefType popRef() {
        Frame frame = frames.get(frames.size() - 1);
        if (stack.size() == frame.height && frame.unreachable) {
            return null;
        }
        ValType t = pop();
        if (t == null) {
            return null;
        }
        if (t instanceof RefType r) {
            return r;
        }
        throw error("type mismatch: expected a reference type, found " + text(t));
    }

    private static String text(ValType type) {
        return type == null ? "bot" : type.text();
    }

    private void unreachable() {
        Frame frame = frames.get(frames.size() - 1);
        while (stack.size() > frame.height) {
            stack.remove(stack.size() - 1);
        }
        frame.unreachable = true;
    }

    private void pushFrame(FrameKind kind, List<ValType> params, List<ValType> results) {
        frames.add(new Frame(kind, params, results, stack.size(), initLogSize));
        pushAll(params);
    }

    private Frame popFrame() {
        Frame frame = frames.get(frames.size() - 1);
        popAll(frame.results);
        if (stack.size() != frame.height) {
            throw error("type mismatch: values remaining on stack at end of block");
        }
        frames.remove(frames.size() - 1);
        while (initLogSize > frame.initHeight) {
            initialized[initLog[--initLogSize]] = false;
        }
        return frame;
    }

    private Frame label(int depth) {
        if (Integer.compareUnsigned(depth, frames.size()) >= 0) {
            throw error("unknown label: branch depth too large");
        }
        return frames.get(frames.size() - 1 - depth);
    }

    // ---- instructions ----

    private void instruction(Instruction instruction) {
        Opcode op = instruction.opcode();
        Immediate imm = instruction.immediate();
        op.feature().ifPresent(f -> ctx.require(f, offset));
        if (constant) {
            checkConstant(op, imm);
        }
        Signature signature = NumericSignatures.of(op);
        if (signature != null) {
            for (int i = signature.params().size() - 1; i >= 0; i--) {
                pop(signature.params().get(i));
            }
            for (NumType t : signature.results()) {
                push(t);
            }
            return;
        }
        switch (op.immediateKind()) {
            case MEMARG -> memoryAccess(op, (Immediate.MemArg) imm);
            case MEMARG_LANE -> laneAccess(op, (Immediate.MemArgLane) imm);
            case LANE -> laneOperation(op, ((Immediate.Index) imm).value());
            default -> special(op, imm);
        }
    }

    private void checkConstant(Opcode op, Immediate imm) {
        switch (op) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST, REF_NULL, REF_FUNC -> {
            }
            case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> {
                if (!ctx.features.has(Feature.EXTENDED_CONST)) {
                    throw error("constant expression required: non-constant operator: " + op.mnemonic());
                }
            }
            case STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, REF_I31,
                 ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
                if (!ctx.features.has(Feature.GC)) {
                    throw error("constant expression required: non-constant operator: " + op.mnemonic());
                }
            }
            case GLOBAL_GET -> {
                int index = ((Immediate.Index) imm).value();
                GlobalType global = ctx.global(index, offset);
                if (index >= ctx.importedGlobals && !ctx.features.has(Feature.GC)) {
                    throw error("constant expression required: global.get of locally defined global");
                }
                if (global.mutable()) {
                    throw error("constant expression required: global.get of mutable global");
                }
            }
            default -> throw error("constant expression required: non-constant operator: " + op.mnemonic());
        }
    }

    private void special(Opcode op, Immediate imm) {
        switch (op) {
            case UNREACHABLE -> unreachable();
            case NOP -> {
            }
            case BLOCK, LOOP, TRY -> {
                FuncType bt = blockType(((Immediate.Block) imm).type());
                popAll(bt.params());
                pushFrame(op == Opcode.BLOCK ? FrameKind.BLOCK : op == Opcode.LOOP ? FrameKind.LOOP : FrameKind.TRY,
                        bt.params(), bt.results());
            }
            case IF -> {
                FuncType bt = blockType(((Immediate.Block) imm).type());
                pop(NumType.I32);
                popAll(bt.params());
                pushFrame(FrameKind.IF, bt.params(), bt.results());
            }
            case ELSE -> {
                Frame frame = frames.get(frames.size() - 1);
                if (frame.kind != FrameKind.IF) {
                    throw error("else found outside of an `if` block");
                }
                popFrame();
                pushFrame(FrameKind.ELSE, frame.params, frame.results);
            }
            case END -> end();
            case TRY_TABLE -> tryTable((Immediate.TryTable) imm);
            case CATCH -> {
                Frame frame = legacyCatchFrame("catch");
                FuncType tag = ctx.tag(((Immediate.Index) imm).value(), offset);
                popFrame();
                frames.add(new Frame(FrameKind.CATCH, frame.params, frame.results, stack.size(), initLogSize));
                pushAll(tag.params());
            }
            case CATCH_ALL -> {
                Frame frame = legacyCatchFrame("catch_all");
                popFrame();
                frames.add(new Frame(FrameKind.CATCH_ALL, frame.params, frame.results, stack.size(), initLogSize));
            }
            case DELEGATE -> {
                Frame frame = frames.get(frames.size() - 1);
                if (frame.kind != FrameKind.TRY) {
                    throw error("delegate found outside of an `try` block");
                }
                popFrame();
                if (Integer.compareUnsigned(((Immediate.Index) imm).value(), frames.size()) >= 0) {
                    throw error("unknown label: branch depth too large");
                }
                pushAll(frame.results);
            }
            case RETHROW -> {
                Frame target = label(((Immediate.Index) imm).value());
                if (target.kind != FrameKind.CATCH && target.kind != FrameKind.CATCH_ALL) {
                    throw error("invalid rethrow label: target was not a `catch` block");
                }
                unreachable();
            }
            case THROW -> {
                FuncType tag = ctx.tag(((Immediate.Index) imm).value(), offset);
                popAll(tag.params());
                unreachable();
            }
            case THROW_REF -> {
                pop(RefType.EXNREF);
                unreachable();
            }
            case BR -> {
                popAll(label(((Immediate.Index) imm).value()).labelTypes());
                unreachable();
            }
            case BR_IF -> {
                List<ValType> types = label(((Immediate.Index) imm).value()).labelTypes();
                pop(NumType.I32);
                popAll(types);
                pushAll(types);
            }
            case BR_TABLE -> brTable((Immediate.BrTable) imm);
            case RETURN -> {
                popAll(returns);
                unreachable();
            }
            case CALL -> call(ctx.functionType(((Immediate.Index) imm).value(), offset));
            case RETURN_CALL -> returnCall(ctx.functionType(((Immediate.Index) imm).value(), offset));
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FuncType type = ctx.funcType(i.first(), offset);
                TableType table = ctx.table(i.second(), offset);
                if (!ctx.types.isSubtype(table.element(), RefType.FUNCREF)) {
                    throw error("type mismatch: indirect calls must go through a table with type <= funcref");
                }
                pop(table.indexType());
                if (op == Opcode.CALL_INDIRECT) {
                    call(type);
                } else {
                    returnCall(type);
                }
            }
            case CALL_REF, RETURN_CALL_REF -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FuncType type = ctx.funcType(typeIndex, offset);
                pop(new RefType(true, HeapType.index(typeIndex)));
                if (op == Opcode.CALL_REF) {
                    call(type);
                } else {
                    returnCall(type);
                }
            }
            case DROP -> pop();
            case SELECT -> select();
            case SELECT_TYPED -> {
                List<ValType> types = ((Immediate.ValTypes) imm).types();
                if (types.size() != 1) {
                    throw error("invalid result arity");
                }
                ctx.checkValType(types.get(0), offset);
                pop(NumType.I32);
                pop(types.get(0));
                pop(types.get(0));
                push(types.get(0));
            }
            case LOCAL_GET -> {
                int index = local(((Immediate.Index) imm).value());
                if (!initialized[index]) {
                    throw error("uninitialized local: " + index);
                }
                push(locals[index]);
            }
            case LOCAL_SET -> {
                int index = local(((Immediate.Index) imm).value());
                pop(locals[index]);
                markInitialized(index);
            }
            case LOCAL_TEE -> {
                int index = local(((Immediate.Index) imm).value());
                pop(locals[index]);
                markInitialized(index);
                push(locals[index]);
            }
            case GLOBAL_GET -> push(ctx.global(((Immediate.Index) imm).value(), offset).type());
            case GLOBAL_SET -> {
                GlobalType global = ctx.global(((Immediate.Index) imm).value(), offset);
                if (!global.mutable()) {
                    throw error("global is immutable: cannot modify it with `global.set`");
                }
                pop(global.type());
            }
            case TABLE_GET -> {
                TableType table = ctx.table(((Immediate.Index) imm).value(), offset);
                pop(table.indexType());
                push(table.element());
            }
            case TABLE_SET -> {
                TableType table = ctx.table(((Immediate.Index) imm).value(), offset);
                pop(table.element());
                pop(table.indexType());
            }
            case TABLE_SIZE -> push(ctx.table(((Immediate.Index) imm).value(), offset).indexType());
            case TABLE_GROW -> {
                TableType table = ctx.table(((Immediate.Index) imm).value(), offset);
                pop(table.indexType());
                pop(table.element());
                push(table.indexType());
            }
            case TABLE_FILL -> {
                TableType table = ctx.table(((Immediate.Index) imm).value(), offset);
                pop(table.indexType());
                pop(table.element());
                pop(table.indexType());
            }
            case TABLE_COPY -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                TableType dst = ctx.table(i.first(), offset);
                TableType src = ctx.table(i.second(), offset);
                if (!ctx.types.isSubtype(src.element(), dst.element())) {
                    throw error("type mismatch: table.copy source element type does not match the destination");
                }
                pop(dst.table64() && src.table64() ? NumType.I64 : NumType.I32);
                pop(src.indexType());
                pop(dst.indexType());
            }
            case TABLE_INIT -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                RefType segment = ctx.element(i.first(), offset);
                TableType table = ctx.table(i.second(), offset);
                if (!ctx.types.isSubtype(segment, table.element())) {
                    throw error("type mismatch: table.init segment type does not match the table's element type");
                }
                pop(NumType.I32);
                pop(NumType.I32);
                pop(table.indexType());
            }
            case ELEM_DROP -> ctx.element(((Immediate.Index) imm).value(), offset);
            case MEMORY_SIZE -> push(memory(((Immediate.Index) imm).value()).indexType());
            case MEMORY_GROW -> {
                NumType index = memory(((Immediate.Index) imm).value()).indexType();
                pop(index);
                push(index);
            }
            case MEMORY_FILL -> {
                NumType index = memory(((Immediate.Index) imm).value()).indexType();
                pop(index);
                pop(NumType.I32);
                pop(index);
            }
            case MEMORY_COPY -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                MemoryType dst = memory(i.first());
                MemoryType src = memory(i.second());
                pop(dst.memory64() && src.memory64() ? NumType.I64 : NumType.I32);
                pop(src.indexType());
                pop(dst.indexType());
            }
            case MEMORY_INIT -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                MemoryType memory = memory(i.second());
                ctx.data(i.first(), offset);
                pop(NumType.I32);
                pop(NumType.I32);
                pop(memory.indexType());
            }
            case DATA_DROP -> ctx.data(((Immediate.Index) imm).value(), offset);
            case I32_CONST -> push(NumType.I32);
            case I64_CONST -> push(NumType.I64);
            case F32_CONST -> push(NumType.F32);
            case F64_CONST -> push(NumType.F64);
            case V128_CONST -> push(NumType.V128);
            case I8X16_SHUFFLE -> {
                byte[] lanes = ((Immediate.V128) imm).bytes();
                for (byte lane : lanes) {
                    if ((lane & 0xff) >= 32) {
                        throw error("invalid lane index");
                    }
                }
                pop(NumType.V128);
                pop(NumType.V128);
                push(NumType.V128);
            }
            case ATOMIC_FENCE -> {
            }
            case REF_NULL -> {
                HeapType heap = ((Immediate.Heap) imm).type();
                ctx.checkHeapType(heap, offset);
                push(new RefType(true, heap));
            }
            case REF_IS_NULL -> {
                popRef();
                push(NumType.I32);
            }
            case REF_FUNC -> {
                int index = ((Immediate.Index) imm).value();
                int typeIndex = functionTypeIndex(index);
                if (!constant && !ctx.declaredFunctions.get(index)) {
                    throw error("undeclared function reference");
                }
                push(ctx.features.has(Feature.FUNCTION_REFERENCES)
                        ? RefType.nonNull(HeapType.index(typeIndex)) : RefType.FUNCREF);
            }
            case REF_AS_NON_NULL -> {
                RefType ref = popRef();
                push(ref == null ? null : ref.asNullable(false));
            }
            case REF_EQ -> {
                pop(RefType.nullable(AbstractHeapKind.EQ));
                pop(RefType.nullable(AbstractHeapKind.EQ));
                push(NumType.I32);
            }
            case BR_ON_NULL -> {
                RefType ref = popRef();
                List<ValType> types = label(((Immediate.Index) imm).value()).labelTypes();
                popAll(types);
                pushAll(types);
                push(ref == null ? null : ref.asNullable(false));
            }
            case BR_ON_NON_NULL -> {
                RefType ref = popRef();
                List<ValType> types = label(((Immediate.Index) imm).value()).labelTypes();
                if (types.isEmpty() || !(types.get(types.size() - 1) instanceof RefType last)) {
                    throw error("type mismatch: br_on_non_null target has no reference type");
                }
                if (ref != null && !ctx.types.isSubtype(ref.asNullable(false), last)) {
                    throw error("type mismatch: expected " + last.text() + ", found " + ref.asNullable(false).text());
                }
                List<ValType> rest = types.subList(0, types.size() - 1);
                popAll(rest);
                pushAll(rest);
            }
            case REF_TEST, REF_CAST -> {
                RefType target = ((Immediate.Ref) imm).type();
                ctx.checkRefType(target, offset);
                RefType ref = popRef();
                if (ref != null && ctx.types.topOf(ref.heap()) != ctx.types.topOf(target.heap())) {
                    throw error("type mismatch: expected " + topRef(target).text() + ", found " + ref.text());
                }
                push(op == Opcode.REF_TEST ? NumType.I32 : target);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> brOnCast(op, (Immediate.BrOnCast) imm);
            case REF_I31 -> {
                pop(NumType.I32);
                push(RefType.nonNull(HeapType.of(AbstractHeapKind.I31)));
            }
            case I31_GET_S, I31_GET_U -> {
                pop(RefType.nullable(AbstractHeapKind.I31));
                push(NumType.I32);
            }
            case ANY_CONVERT_EXTERN -> convert(AbstractHeapKind.EXTERN, AbstractHeapKind.ANY);
            case EXTERN_CONVERT_ANY -> convert(AbstractHeapKind.ANY, AbstractHeapKind.EXTERN);
            case STRUCT_NEW, STRUCT_NEW_DEFAULT -> {
                int typeIndex = ((Immediate.Index) imm).value();
                CompositeType.Struct struct = ctx.structType(typeIndex, offset);
                if (op == Opcode.STRUCT_NEW) {
                    for (int i = struct.fields().size() - 1; i >= 0; i--) {
                        pop(struct.fields().get(i).unpacked());
                    }
                } else {
                    for (FieldType f : struct.fields()) {
                        requireDefaultable(f);
                    }
                }
                push(RefType.nonNull(HeapType.index(typeIndex)));
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType field = structField(i.first(), i.second());
                checkPacking(op == Opcode.STRUCT_GET, field, "struct");
                pop(new RefType(true, HeapType.index(i.first())));
                push(field.unpacked());
            }
            case STRUCT_SET -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType field = structField(i.first(), i.second());
                if (!field.mutable()) {
                    throw error("invalid struct modification: struct field is immutable");
                }
                pop(field.unpacked());
                pop(new RefType(true, HeapType.index(i.first())));
            }
            case ARRAY_NEW, ARRAY_NEW_DEFAULT -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FieldType element = ctx.arrayType(typeIndex, offset).element();
                pop(NumType.I32);
                if (op == Opcode.ARRAY_NEW) {
                    pop(element.unpacked());
                } else {
                    requireDefaultable(element);
                }
                push(RefType.nonNull(HeapType.index(typeIndex)));
            }
            case ARRAY_NEW_FIXED -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType element = ctx.arrayType(i.first(), offset).element();
                if (Integer.compareUnsigned(i.second(), 10_000) > 0) {
                    throw error("array.new_fixed arity too large");
                }
                for (int k = 0; k < i.second(); k++) {
                    pop(element.unpacked());
                }
                push(RefType.nonNull(HeapType.index(i.first())));
            }
            case ARRAY_NEW_DATA, ARRAY_INIT_DATA -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType element = ctx.arrayType(i.first(), offset).element();
                if (element.unpacked() instanceof RefType) {
                    throw error("type mismatch: array." + (op == Opcode.ARRAY_NEW_DATA ? "new" : "init")
                            + "_data can only create arrays with numeric and vector elements");
                }
                ctx.data(i.second(), offset);
                arraySegmentOperands(op == Opcode.ARRAY_INIT_DATA, i.first(), element);
            }
            case ARRAY_NEW_ELEM, ARRAY_INIT_ELEM -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType element = ctx.arrayType(i.first(), offset).element();
                RefType segment = ctx.element(i.second(), offset);
                if (!ctx.types.isSubtype(segment, element.unpacked())) {
                    throw error("type mismatch: array." + (op == Opcode.ARRAY_NEW_ELEM ? "new" : "init")
                            + "_elem segment type does not match the array element type");
                }
                arraySegmentOperands(op == Opcode.ARRAY_INIT_ELEM, i.first(), element);
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FieldType element = ctx.arrayType(typeIndex, offset).element();
                checkPacking(op == Opcode.ARRAY_GET, element, "array");
                pop(NumType.I32);
                pop(new RefType(true, HeapType.index(typeIndex)));
                push(element.unpacked());
            }
            case ARRAY_SET -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FieldType element = mutableArrayElement(typeIndex);
                pop(element.unpacked());
                pop(NumType.I32);
                pop(new RefType(true, HeapType.index(typeIndex)));
            }
            case ARRAY_LEN -> {
                pop(RefType.nullable(AbstractHeapKind.ARRAY));
                push(NumType.I32);
            }
            case ARRAY_FILL -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FieldType element = mutableArrayElement(typeIndex);
                pop(NumType.I32);
                pop(element.unpacked());
                pop(NumType.I32);
                pop(new RefType(true, HeapType.index(typeIndex)));
            }
            case ARRAY_COPY -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType dst = mutableArrayElement(i.first());
                FieldType src = ctx.arrayType(i.second(), offset).element();
                boolean compatible = src.storage() instanceof PackedType || dst.storage() instanceof PackedType
                        ? src.storage() == dst.storage()
                        : ctx.types.isSubtype(src.unpacked(), dst.unpacked());
                if (!compatible) {
                    throw error("type mismatch: array.copy source element type does not match the destination");
                }
                pop(NumType.I32);
                pop(NumType.I32);
                pop(new RefType(true, HeapType.index(i.second())));
                pop(NumType.I32);
                pop(new RefType(true, HeapType.index(i.first())));
            }
            default -> throw new IllegalStateException("no typing rule for " + op.mnemonic());
        }
    }

    private void end() {
        Frame frame = popFrame();
        if (frame.kind == FrameKind.IF && !frame.params.equals(frame.results)) {
            throw error("type mismatch: if without else must have the same parameter and result types");
        }
        pushAll(frame.results);
    }

    private Frame legacyCatchFrame(String what) {
        Frame frame = frames.get(frames.size() - 1);
        if (frame.kind == FrameKind.CATCH_ALL) {
            throw error("catch found outside of an `try` block: " + what + " after catch_all");
        }
        if (frame.kind != FrameKind.TRY && frame.kind != FrameKind.CATCH) {
            throw error(what + " found outside of an `try` block");
        }
        return frame;
    }

    private void tryTable(Immediate.TryTable tryTable) {
        FuncType bt = blockType(tryTable.type());
        popAll(bt.params());
        for (Catch c : tryTable.catches()) {
            List<ValType> carried = new ArrayList<>();
            if (c.kind().hasTag()) {
                FuncType tag = ctx.tag(c.tag(), offset);
                carried.addAll(tag.params());
            }
            if (c.kind().pushesExnRef()) {
                carried.add(RefType.nonNull(HeapType.of(AbstractHeapKind.EXN)));
            }
            List<ValType> target = label(c.label()).labelTypes();
            if (target.size() != carried.size()) {
                throw error("type mismatch: catch label must match the values the catch produces");
            }
            for (int i = 0; i < target.size(); i++) {
                if (!ctx.types.isSubtype(carried.get(i), target.get(i))) {
                    throw error("type mismatch: catch label must match the values the catch produces");
                }
            }
        }
        pushFrame(FrameKind.TRY_TABLE, bt.params(), bt.results());
    }

    private void brTable(Immediate.BrTable table) {
        pop(NumType.I32);
        Frame defaultFrame = label(table.defaultTarget());
        int arity = defaultFrame.labelTypes().size();
        for (int target : table.targets()) {
            List<ValType> types = label(target).labelTypes();
            if (types.size() != arity) {
                throw error("type mismatch: br_table target labels have different number of types");
            }
            List<ValType> popped = new ArrayList<>();
            for (int i = types.size() - 1; i >= 0; i--) {
                popped.add(pop(types.get(i)));
            }
            for (int i = popped.size() - 1; i >= 0; i--) {
                push(popped.get(i));
            }
        }
        popAll(defaultFrame.labelTypes());
        unreachable();
    }

    private void call(FuncType type) {
        popAll(type.params());
        pushAll(type.results());
    }

    private void returnCall(FuncType type) {
        if (type.results().size() != returns.size()) {
            throw error("type mismatch: current function requires result type " + returns
                    + " but callee returns " + type.results());
        }
        for (int i = 0; i < returns.size(); i++) {
            if (!ctx.types.isSubtype(type.results().get(i), returns.get(i))) {
                throw error("type mismatch: current function requires result type " + types(returns)
                        + " but callee returns " + types(type.results()));
            }
        }
        popAll(type.params());
        unreachable();
    }

    private static String types(List<ValType> types) {
        return types.stream().map(OperatorValidator::text).toList().toString();
    }

    private void select() {
        pop(NumType.I32);
        ValType first = pop();
        ValType second = pop();
        if (first instanceof RefType || second instanceof RefType) {
            throw error("type mismatch: select only takes integral types");
        }
        if (first != null && second != null && first != second) {
            throw error("type mismatch: select operands have different types");
        }
        push(first != null ? first : second);
    }

    private void brOnCast(Opcode op, Immediate.BrOnCast cast) {
        RefType from = cast.from();
        RefType to = cast.to();
        ctx.checkRefType(from, offset);
        ctx.checkRefType(to, offset);
        if (!ctx.types.isSubtype(to, from)) {
            throw error("type mismatch: expected " + from.text() + ", found " + to.text());
        }
        List<ValType> types = label(cast.label()).labelTypes();
        if (types.isEmpty() || !(types.get(types.size() - 1) instanceof RefType last)) {
            throw error("type mismatch: " + op.mnemonic() + " target does not end with a reference type");
        }
        RefType difference = from.asNullable(from.nullable() && !to.nullable());
        RefType branched = op == Opcode.BR_ON_CAST ? to : difference;
        RefType fallthrough = op == Opcode.BR_ON_CAST ? difference : to;
        if (!ctx.types.isSubtype(branched, last)) {
            throw error("type mismatch: expected " + last.text() + ", found " + branched.text());
        }
        pop(from);
        List<ValType> rest = types.subList(0, types.size() - 1);
        popAll(rest);
        pushAll(rest);
        push(fallthrough);
    }

    private void convert(AbstractHeapKind from, AbstractHeapKind to) {
        RefType ref = popRef();
        if (ref != null && !ctx.types.isSubtype(ref, new RefType(true, HeapType.of(from)))) {
            throw error("type mismatch: expected " + RefType.nullable(from).text() + ", found " + ref.text());
        }
        push(new RefType(ref == null || ref.nullable(), HeapType.of(to)));
    }

    private RefType topRef(RefType type) {
        return RefType.nullable(ctx.types.topOf(type.heap()));
    }

    private FuncType blockType(BlockType type) {
        return switch (type) {
            case BlockType.Empty e -> FuncType.EMPTY;
            case BlockType.Value v -> {
                ctx.checkValType(v.type(), offset);
                yield new FuncType(List.of(), List.of(v.type()));
            }
            case BlockType.TypeIndex t -> ctx.funcType(t.index(), offset);
        };
    }

    private int local(int index) {
        if (Integer.compareUnsigned(index, locals.length) >= 0) {
            throw error("unknown local " + Integer.toUnsignedString(index) + ": local index out of bounds");
        }
        return index;
    }

    private void markInitialized(int index) {
        if (!initialized[index]) {
            initialized[index] = true;
            if (initLogSize == initLog.length) {
                initLog = Arrays.copyOf(initLog, initLogSize * 2);
            }
            initLog[initLogSize++] = index;
        }
    }

    private int functionTypeIndex(int funcIndex) {
        ctx.functionType(funcIndex, offset);
        return ctx.functions.get(funcIndex);
    }

    private MemoryType memory(int index) {
        if (index != 0 && !ctx.features.has(Feature.MULTI_MEMORY) && index < ctx.memories.size()) {
            ctx.require(Feature.MULTI_MEMORY, offset);
        }
        return ctx.memory(index, offset);
    }

    private void memoryAccess(Opcode op, Immediate.MemArg memArg) {
        NumType address = checkMemArg(op, memArg);
        String name = op.mnemonic();
        NumType value = valueType(name);
        switch (op) {
            case MEMORY_ATOMIC_NOTIFY -> {
                pop(NumType.I32);
                pop(address);
                push(NumType.I32);
            }
            case MEMORY_ATOMIC_WAIT32, MEMORY_ATOMIC_WAIT64 -> {
                pop(NumType.I64);
                pop(op == Opcode.MEMORY_ATOMIC_WAIT32 ? NumType.I32 : NumType.I64);
                pop(address);
                push(NumType.I32);
            }
            default -> {
                if (name.contains(".store")) {
                    pop(value);
                    pop(address);
                } else if (name.contains("cmpxchg")) {
                    pop(value);
                    pop(value);
                    pop(address);
                    push(value);
                } else if (name.contains(".rmw")) {
                    pop(value);
                    pop(address);
                    push(value);
                } else {
                    pop(address);
                    push(value);
                }
            }
        }
    }

    private void laneAccess(Opcode op, Immediate.MemArgLane access) {
        NumType address = checkMemArg(op, access.memArg());
        if (access.lane() >= 16 / op.memoryBytes()) {
            throw error("invalid lane index");
        }
        pop(NumType.V128);
        pop(address);
        if (op.mnemonic().startsWith("v128.load")) {
            push(NumType.V128);
        }
    }

    private void laneOperation(Opcode op, int lane) {
        String shape = op.mnemonic().substring(0, op.mnemonic().indexOf('.'));
        if (lane >= NumericSignatures.laneCount(shape)) {
            throw error("invalid lane index");
        }
        NumType laneType = NumericSignatures.laneType(shape);
        if (op.mnemonic().contains("replace_lane")) {
            pop(laneType);
            pop(NumType.V128);
            push(NumType.V128);
        } else {
            pop(NumType.V128);
            push(laneType);
        }
    }

    /** Checks memory index, alignment and offset; returns the memory's address type. */
    private NumType checkMemArg(Opcode op, Immediate.MemArg memArg) {
        MemoryType memory = memory(memArg.memory());
        if (op.isAtomic()) {
            if (memArg.alignLog2() != op.naturalAlignLog2()) {
                throw error("invalid alignment: atomic accesses must be naturally aligned");
            }
        } else if (memArg.alignLog2() > op.naturalAlignLog2()) {
            throw error("alignment must not be larger than natural");
        }
        if (!memory.memory64() && Long.compareUnsigned(memArg.offset(), 0xFFFF_FFFFL) > 0) {
            throw error("offset out of range: must be <= 2**32");
        }
        return memory.indexType();
    }

    private static NumType valueType(String mnemonic) {
        return switch (mnemonic.substring(0, mnemonic.indexOf('.'))) {
            case "i32" -> NumType.I32;
            case "i64" -> NumType.I64;
            case "f32" -> NumType.F32;
            case "f64" -> NumType.F64;
            default -> NumType.V128;
        };
    }

    private FieldType structField(int typeIndex, int fieldIndex) {
        CompositeType.Struct struct = ctx.structType(typeIndex, offset);
        if (Integer.compareUnsigned(fieldIndex, struct.fields().size()) >= 0) {
            throw error("unknown field: field index out of bounds");
        }
        return struct.fields().get(fieldIndex);
    }

    private FieldType mutableArrayElement(int typeIndex) {
        FieldType element = ctx.arrayType(typeIndex, offset).element();
        if (!element.mutable()) {
            throw error("invalid array modification: array is immutable");
        }
        return element;
    }

    private void checkPacking(boolean plainGet, FieldType field, String what) {
        boolean packed = field.storage() instanceof PackedType;
        if (plainGet && packed) {
            throw error("can only use " + what + ".get with non-packed storage types");
        }
        if (!plainGet && !packed) {
            throw error("cannot use " + what + ".get_s or " + what + ".get_u with non-packed storage types");
        }
    }

    private void requireDefaultable(FieldType field) {
        if (!isDefaultable(field.unpacked())) {
            throw error("invalid `struct.new_default`/`array.new_default`: field type is not defaultable");
        }
    }

    private void arraySegmentOperands(boolean init, int typeIndex, FieldType element) {
        if (init) {
            if (!element.mutable()) {
                throw error("invalid array modification: array is immutable");
            }
            pop(NumType.I32);
            pop(NumType.I32);
            pop(NumType.I32);
            pop(new RefType(true, HeapType.index(typeIndex)));
        } else {
            pop(NumType.I32);
            pop(NumType.I32);
            push(RefType.nonNull(HeapType.index(typeIndex)));
        }
    }

    static boolean isDefaultable(ValType type) {
        return switch (type) {
            case NumType n -> true;
            case RefType r -> r.nullable();
        };
    }
}
