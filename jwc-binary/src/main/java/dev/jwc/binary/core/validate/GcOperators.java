package dev.jwc.binary.core.validate;

import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.AbstractHeapKind;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.PackedType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.ValType;
import java.util.List;

/** Typing of the GC proposal's instructions: structs, arrays, i31, casts and extern conversions. */
final class GcOperators {
    private final ModuleContext ctx;
    private final OperandStack stack;

    GcOperators(ModuleContext ctx, OperandStack stack) {
        this.ctx = ctx;
        this.stack = stack;
    }

    void apply(Opcode op, Immediate imm) {
        switch (op) {
            case REF_EQ -> {
                stack.pop(RefType.nullable(AbstractHeapKind.EQ));
                stack.pop(RefType.nullable(AbstractHeapKind.EQ));
                stack.push(NumType.I32);
            }
            case REF_TEST, REF_CAST -> {
                RefType target = ((Immediate.Ref) imm).type();
                ctx.checkRefType(target, stack.offset());
                RefType ref = stack.popRef();
                if (ref != null && ctx.types.topOf(ref.heap()) != ctx.types.topOf(target.heap())) {
                    throw stack.error("type mismatch: expected " + topRef(target).text() + ", found " + ref.text());
                }
                stack.push(op == Opcode.REF_TEST ? NumType.I32 : target);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> brOnCast(op, (Immediate.BrOnCast) imm);
            case REF_I31 -> {
                stack.pop(NumType.I32);
                stack.push(RefType.nonNull(HeapType.of(AbstractHeapKind.I31)));
            }
            case I31_GET_S, I31_GET_U -> {
                stack.pop(RefType.nullable(AbstractHeapKind.I31));
                stack.push(NumType.I32);
            }
            case ANY_CONVERT_EXTERN -> convert(AbstractHeapKind.EXTERN, AbstractHeapKind.ANY);
            case EXTERN_CONVERT_ANY -> convert(AbstractHeapKind.ANY, AbstractHeapKind.EXTERN);
            case STRUCT_NEW, STRUCT_NEW_DEFAULT -> {
                int typeIndex = ((Immediate.Index) imm).value();
                CompositeType.Struct struct = ctx.structType(typeIndex, stack.offset());
                if (op == Opcode.STRUCT_NEW) {
                    for (int i = struct.fields().size() - 1; i >= 0; i--) {
                        stack.pop(struct.fields().get(i).unpacked());
                    }
                } else {
                    for (FieldType f : struct.fields()) {
                        requireDefaultable(f);
                    }
                }
                stack.push(RefType.nonNull(HeapType.index(typeIndex)));
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType field = structField(i.first(), i.second());
                checkPacking(op == Opcode.STRUCT_GET, field, "struct");
                stack.pop(new RefType(true, HeapType.index(i.first())));
                stack.push(field.unpacked());
            }
            case STRUCT_SET -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType field = structField(i.first(), i.second());
                if (!field.mutable()) {
                    throw stack.error("invalid struct modification: struct field is immutable");
                }
                stack.pop(field.unpacked());
                stack.pop(new RefType(true, HeapType.index(i.first())));
            }
            case ARRAY_NEW, ARRAY_NEW_DEFAULT -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FieldType element = ctx.arrayType(typeIndex, stack.offset()).element();
                stack.pop(NumType.I32);
                if (op == Opcode.ARRAY_NEW) {
                    stack.pop(element.unpacked());
                } else {
                    requireDefaultable(element);
                }
                stack.push(RefType.nonNull(HeapType.index(typeIndex)));
            }
            case ARRAY_NEW_FIXED -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType element = ctx.arrayType(i.first(), stack.offset()).element();
                if (Integer.compareUnsigned(i.second(), 10_000) > 0) {
                    throw stack.error("array.new_fixed arity too large");
                }
                for (int k = 0; k < i.second(); k++) {
                    stack.pop(element.unpacked());
                }
                stack.push(RefType.nonNull(HeapType.index(i.first())));
            }
            case ARRAY_NEW_DATA, ARRAY_INIT_DATA -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType element = ctx.arrayType(i.first(), stack.offset()).element();
                if (element.unpacked() instanceof RefType) {
                    throw stack.error("type mismatch: array." + (op == Opcode.ARRAY_NEW_DATA ? "new" : "init")
                            + "_data can only create arrays with numeric and vector elements");
                }
                ctx.data(i.second(), stack.offset());
                arraySegmentOperands(op == Opcode.ARRAY_INIT_DATA, i.first(), element);
            }
            case ARRAY_NEW_ELEM, ARRAY_INIT_ELEM -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType element = ctx.arrayType(i.first(), stack.offset()).element();
                RefType segment = ctx.element(i.second(), stack.offset());
                if (!ctx.types.isSubtype(segment, element.unpacked())) {
                    throw stack.error("type mismatch: array." + (op == Opcode.ARRAY_NEW_ELEM ? "new" : "init")
                            + "_elem segment type does not match the array element type");
                }
                arraySegmentOperands(op == Opcode.ARRAY_INIT_ELEM, i.first(), element);
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FieldType element = ctx.arrayType(typeIndex, stack.offset()).element();
                checkPacking(op == Opcode.ARRAY_GET, element, "array");
                stack.pop(NumType.I32);
                stack.pop(new RefType(true, HeapType.index(typeIndex)));
                stack.push(element.unpacked());
            }
            case ARRAY_SET -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FieldType element = mutableArrayElement(typeIndex);
                stack.pop(element.unpacked());
                stack.pop(NumType.I32);
                stack.pop(new RefType(true, HeapType.index(typeIndex)));
            }
            case ARRAY_LEN -> {
                stack.pop(RefType.nullable(AbstractHeapKind.ARRAY));
                stack.push(NumType.I32);
            }
            case ARRAY_FILL -> {
                int typeIndex = ((Immediate.Index) imm).value();
                FieldType element = mutableArrayElement(typeIndex);
                stack.pop(NumType.I32);
                stack.pop(element.unpacked());
                stack.pop(NumType.I32);
                stack.pop(new RefType(true, HeapType.index(typeIndex)));
            }
            case ARRAY_COPY -> {
                Immediate.Indices i = (Immediate.Indices) imm;
                FieldType dst = mutableArrayElement(i.first());
                FieldType src = ctx.arrayType(i.second(), stack.offset()).element();
                boolean compatible = src.storage() instanceof PackedType || dst.storage() instanceof PackedType
                        ? src.storage() == dst.storage()
                        : ctx.types.isSubtype(src.unpacked(), dst.unpacked());
                if (!compatible) {
                    throw stack.error("type mismatch: array.copy source element type does not match the destination");
                }
                stack.pop(NumType.I32);
                stack.pop(NumType.I32);
                stack.pop(new RefType(true, HeapType.index(i.second())));
                stack.pop(NumType.I32);
                stack.pop(new RefType(true, HeapType.index(i.first())));
            }
            default -> throw new IllegalStateException(op.mnemonic() + " is not a GC instruction");
        }
    }

    private void brOnCast(Opcode op, Immediate.BrOnCast cast) {
        RefType from = cast.from();
        RefType to = cast.to();
        ctx.checkRefType(from, stack.offset());
        ctx.checkRefType(to, stack.offset());
        if (!ctx.types.isSubtype(to, from)) {
            throw stack.error("type mismatch: expected " + from.text() + ", found " + to.text());
        }
        List<ValType> types = stack.label(cast.label()).labelTypes();
        if (types.isEmpty() || !(types.get(types.size() - 1) instanceof RefType last)) {
            throw stack.error("type mismatch: " + op.mnemonic() + " target does not end with a reference type");
        }
        RefType difference = from.asNullable(from.nullable() && !to.nullable());
        RefType branched = op == Opcode.BR_ON_CAST ? to : difference;
        RefType fallthrough = op == Opcode.BR_ON_CAST ? difference : to;
        if (!ctx.types.isSubtype(branched, last)) {
            throw stack.error("type mismatch: expected " + last.text() + ", found " + branched.text());
        }
        stack.pop(from);
        List<ValType> rest = types.subList(0, types.size() - 1);
        stack.popAll(rest);
        stack.pushAll(rest);
        stack.push(fallthrough);
    }

    private void convert(AbstractHeapKind from, AbstractHeapKind to) {
        RefType ref = stack.popRef();
        if (ref != null && !ctx.types.isSubtype(ref, new RefType(true, HeapType.of(from)))) {
            throw stack.error("type mismatch: expected " + RefType.nullable(from).text() + ", found " + ref.text());
        }
        stack.push(new RefType(ref == null || ref.nullable(), HeapType.of(to)));
    }

    private RefType topRef(RefType type) {
        return RefType.nullable(ctx.types.topOf(type.heap()));
    }

    private FieldType structField(int typeIndex, int fieldIndex) {
        CompositeType.Struct struct = ctx.structType(typeIndex, stack.offset());
        if (Integer.compareUnsigned(fieldIndex, struct.fields().size()) >= 0) {
            throw stack.error("unknown field: field index out of bounds");
        }
        return struct.fields().get(fieldIndex);
    }

    private FieldType mutableArrayElement(int typeIndex) {
        FieldType element = ctx.arrayType(typeIndex, stack.offset()).element();
        if (!element.mutable()) {
            throw stack.error("invalid array modification: array is immutable");
        }
        return element;
    }

    private void checkPacking(boolean plainGet, FieldType field, String what) {
        boolean packed = field.storage() instanceof PackedType;
        if (plainGet && packed) {
            throw stack.error("can only use " + what + ".get with non-packed storage types");
        }
        if (!plainGet && !packed) {
            throw stack.error("cannot use " + what + ".get_s or " + what + ".get_u with non-packed storage types");
        }
    }

    private void requireDefaultable(FieldType field) {
        if (!TypeContext.isDefaultable(field.unpacked())) {
            throw stack.error("invalid `struct.new_default`/`array.new_default`: field type is not defaultable");
        }
    }

    private void arraySegmentOperands(boolean init, int typeIndex, FieldType element) {
        if (init) {
            if (!element.mutable()) {
                throw stack.error("invalid array modification: array is immutable");
            }
            stack.pop(NumType.I32);
            stack.pop(NumType.I32);
            stack.pop(NumType.I32);
            stack.pop(new RefType(true, HeapType.index(typeIndex)));
        } else {
            stack.pop(NumType.I32);
            stack.pop(NumType.I32);
            stack.push(RefType.nonNull(HeapType.index(typeIndex)));
        }
    }
}
