package dev.jwc.binary.core.validate;

import static dev.jwc.binary.core.instr.Instruction.i32Const;
import static dev.jwc.binary.core.instr.Instruction.i64Const;
import static dev.jwc.binary.core.instr.Instruction.index;
import static dev.jwc.binary.core.instr.Instruction.of;
import static dev.jwc.binary.core.types.NumType.I32;
import static dev.jwc.binary.core.types.NumType.I64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.Feature;
import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CoreModuleBuilder;
import dev.jwc.binary.core.DataSegment;
import dev.jwc.binary.core.ElementSegment;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.FunctionBody;
import dev.jwc.binary.core.Global;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.Locals;
import dev.jwc.binary.core.instr.Catch;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.BlockType;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.binary.core.types.ValType;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CoreValidatorTest {

    private static FuncType type(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    /** A module with one memory and one function of the given type, locals and body. */
    private static CoreModule function(FuncType type, List<Locals> locals, Instruction... body) {
        CoreModuleBuilder b = new CoreModuleBuilder();
        int t = b.addType(type);
        b.addMemory(MemoryType.of(Limits.of(1)));
        b.addFunction(t, new FunctionBody(locals, Expression.of(body)));
        return b.build();
    }

    private static CoreModule function(FuncType type, Instruction... body) {
        return function(type, List.of(), body);
    }

    private static ModuleInfo valid(CoreModule module) {
        return CoreValidator.validate(module, Features.defaults());
    }

    private static void invalid(CoreModule module, String message) {
        invalid(module, Features.defaults(), message);
    }

    private static void invalid(CoreModule module, Features features, String message) {
        assertThatThrownBy(() -> CoreValidator.validate(module, features))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(message);
    }

    private static Instruction block(Opcode op, BlockType type) {
        return new Instruction(op, new Immediate.Block(type));
    }

    private static final Instruction END = of(Opcode.END);
    private static final FuncType I32_TO_I32 = type(List.of(I32), List.of(I32));

    @Test
    void typesArithmeticAndReportsMismatches() {
        valid(function(I32_TO_I32, index(Opcode.LOCAL_GET, 0), i32Const(1), of(Opcode.I32_ADD)));
        invalid(function(I32_TO_I32, index(Opcode.LOCAL_GET, 0), i64Const(1), of(Opcode.I32_ADD)),
                "type mismatch: expected i32, found i64");
        invalid(function(I32_TO_I32, of(Opcode.I32_ADD)), "type mismatch");
        invalid(function(I32_TO_I32, i32Const(1), i32Const(2)),
                "type mismatch: values remaining on stack at end of block");
        invalid(function(I32_TO_I32), "type mismatch: expected i32 but nothing on stack");
    }

    @Test
    void unreachableCodeIsStackPolymorphic() {
        valid(function(I32_TO_I32, of(Opcode.UNREACHABLE), of(Opcode.I32_ADD)));
        valid(function(I32_TO_I32, i32Const(0), of(Opcode.RETURN), of(Opcode.DROP), of(Opcode.I64_EQZ)));
        invalid(function(I32_TO_I32, of(Opcode.UNREACHABLE), i64Const(0)), "type mismatch");
    }

    @Test
    void typesBlocksBranchesAndIf() {
        BlockType i32 = new BlockType.Value(I32);
        valid(function(I32_TO_I32, block(Opcode.BLOCK, i32), i32Const(1), index(Opcode.BR, 0), END));
        valid(function(I32_TO_I32, index(Opcode.LOCAL_GET, 0), block(Opcode.IF, i32), i32Const(1),
                of(Opcode.ELSE), i32Const(2), END));
        invalid(function(I32_TO_I32, index(Opcode.LOCAL_GET, 0), block(Opcode.IF, i32), i32Const(1), END),
                "type mismatch");
        invalid(function(I32_TO_I32, i32Const(0), index(Opcode.BR, 1)), "unknown label");
        invalid(function(I32_TO_I32, i32Const(0), of(Opcode.ELSE)), "else found outside of an `if` block");
        valid(function(I32_TO_I32, block(Opcode.LOOP, BlockType.EMPTY), index(Opcode.BR, 0), END,
                i32Const(0)));
    }

    @Test
    void brTableTargetsMustAgree() {
        BlockType i32 = new BlockType.Value(I32);
        Instruction table = new Instruction(Opcode.BR_TABLE, new Immediate.BrTable(List.of(0), 1));
        invalid(function(I32_TO_I32, block(Opcode.BLOCK, BlockType.EMPTY), i32Const(0), i32Const(0), table, END,
                i32Const(0)), "br_table target labels have different number of types");
        valid(function(I32_TO_I32, block(Opcode.BLOCK, i32), i32Const(7), index(Opcode.LOCAL_GET, 0),
                new Instruction(Opcode.BR_TABLE, new Immediate.BrTable(List.of(0, 0), 1)), END));
    }

    @Test
    void checksIndexSpaces() {
        invalid(function(I32_TO_I32, index(Opcode.LOCAL_GET, 3)), "unknown local 3");
        invalid(function(I32_TO_I32, i32Const(0), index(Opcode.CALL, 5)), "unknown function 5");
        invalid(function(I32_TO_I32, index(Opcode.GLOBAL_GET, 0)), "unknown global 0");
        invalid(function(I32_TO_I32, i32Const(0), index(Opcode.TABLE_GET, 0)), "unknown table 0");
        invalid(function(I32_TO_I32, i32Const(0),
                new Instruction(Opcode.I32_LOAD, new Immediate.MemArg(2, 1, 0))), "unknown memory 1");
    }

    @Test
    void checksMemoryAccesses() {
        valid(function(I32_TO_I32, index(Opcode.LOCAL_GET, 0),
                new Instruction(Opcode.I32_LOAD, new Immediate.MemArg(2, 0, 8))));
        invalid(function(I32_TO_I32, index(Opcode.LOCAL_GET, 0),
                new Instruction(Opcode.I32_LOAD, new Immediate.MemArg(3, 0, 0))),
                "alignment must not be larger than natural");
        invalid(function(I32_TO_I32, index(Opcode.LOCAL_GET, 0),
                new Instruction(Opcode.I32_ATOMIC_LOAD, new Immediate.MemArg(0, 0, 0))), "naturally aligned");
        invalid(function(I32_TO_I32, i32Const(0), index(Opcode.DATA_DROP, 0)), "data count section required");
    }

    @Test
    void globalsConstantExpressionsAndMutability() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        b.addGlobal(new Global(GlobalType.of(I32, false), Expression.of(i32Const(1))));
        int t = b.addType(type(List.of(), List.of()));
        b.addFunction(t, new FunctionBody(List.of(), Expression.of(i32Const(2), index(Opcode.GLOBAL_SET, 0))));
        invalid(b.build(), "global is immutable");

        CoreModuleBuilder c = new CoreModuleBuilder();
        c.addGlobal(new Global(GlobalType.of(I32, false), Expression.of(i32Const(1), i32Const(2),
                of(Opcode.I32_DIV_S))));
        invalid(c.build(), "constant expression required");

        CoreModuleBuilder d = new CoreModuleBuilder();
        d.addGlobal(new Global(GlobalType.of(I64, false), Expression.of(i32Const(1))));
        invalid(d.build(), "type mismatch");
    }

    @Test
    void exportsStartAndFunctionReferences() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        int t = b.addType(I32_TO_I32);
        b.addFunction(t, new FunctionBody(List.of(), Expression.of(index(Opcode.LOCAL_GET, 0))));
        b.addExport(new Export("f", ExternalKind.FUNC, 0)).addExport(new Export("f", ExternalKind.FUNC, 0));
        invalid(b.build(), "duplicate export name `f` already defined");

        CoreModuleBuilder s = new CoreModuleBuilder();
        int st = s.addType(I32_TO_I32);
        s.addFunction(st, new FunctionBody(List.of(), Expression.of(index(Opcode.LOCAL_GET, 0))));
        s.start(0);
        invalid(s.build(), "invalid start function type");

        FuncType nothing = type(List.of(), List.of());
        CoreModuleBuilder r = new CoreModuleBuilder();
        int rt = r.addType(nothing);
        r.addFunction(rt, new FunctionBody(List.of(), Expression.of(index(Opcode.REF_FUNC, 0), of(Opcode.DROP))));
        invalid(r.build(), "undeclared function reference");
        r.addElement(new ElementSegment(new ElementSegment.Declarative(), new ElementSegment.Functions(List.of(0))));
        valid(r.build());
    }

    @Test
    void indicesBeyondTwoToTheThirtyOneAreOutOfBounds() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        b.addExport(new Export("f", ExternalKind.FUNC, -1));
        invalid(b.build(), "unknown function 4294967295: exported function index out of bounds");
        CoreModuleBuilder e = new CoreModuleBuilder();
        e.addElement(new ElementSegment(new ElementSegment.Declarative(), new ElementSegment.Functions(List.of(-2))));
        invalid(e.build(), "unknown function 4294967294");
    }

    @Test
    void resolvesImportsAndExportsForComponents() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        int t = b.addType(I32_TO_I32);
        b.addImport(new Import("env", "f", new EntityType.Func(t)));
        b.addImport(new Import("env", "g", GlobalType.of(I64, true)));
        b.addMemory(MemoryType.of(Limits.of(1, 2)));
        b.addExport(new Export("f", ExternalKind.FUNC, 0)).addExport(new Export("mem", ExternalKind.MEMORY, 0))
                .addExport(new Export("g", ExternalKind.GLOBAL, 0));
        ModuleInfo info = valid(b.build());
        assertThat(info.imports()).extracting(ModuleInfo.ImportInfo::name).containsExactly("f", "g");
        assertThat(info.export("f").orElseThrow().type()).isEqualTo(new EntityType.Func(0));
        assertThat(info.funcTypeOf(info.export("f").orElseThrow().type())).contains(I32_TO_I32);
        assertThat(info.export("mem").orElseThrow().type()).isEqualTo(MemoryType.of(Limits.of(1, 2)));
        assertThat(info.export("g").orElseThrow().type()).isEqualTo(GlobalType.of(I64, true));
        assertThat(info.functionType(0)).isEqualTo(I32_TO_I32);
    }

    @Test
    void checksLimits() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        b.addMemory(MemoryType.of(Limits.of(2, 1)));
        invalid(b.build(), "size minimum must not be greater than maximum");
        CoreModuleBuilder c = new CoreModuleBuilder();
        c.addMemory(MemoryType.of(Limits.of(65537)));
        invalid(c.build(), "memory size must be at most 65536 pages");
        CoreModuleBuilder d = new CoreModuleBuilder();
        d.addMemory(new MemoryType(Limits.of(1), true, false, OptionalInt.empty()));
        invalid(d.build(), "shared memory must have maximum size");
    }

    @Test
    void gatesInstructionsByFeature() {
        CoreModule simd = function(type(List.of(), List.of(NumType.V128)),
                new Instruction(Opcode.V128_CONST, new Immediate.V128(new byte[16])));
        valid(simd);
        invalid(simd, Features.defaults().without(Feature.SIMD), "SIMD support is not enabled");
    }

    @Test
    void gatesFloatsAndMutableGlobalsByFeature() {
        CoreModule floats = function(type(List.of(), List.of(I32)), new Instruction(Opcode.F32_CONST,
                new Immediate.F32(0)), of(Opcode.I32_TRUNC_F32_S));
        valid(floats);
        invalid(floats, Features.defaults().without(Feature.FLOATS), "floating-point instruction disallowed");

        CoreModuleBuilder b = new CoreModuleBuilder();
        b.addImport(new Import("env", "g", GlobalType.of(I32, true)));
        valid(b.build());
        invalid(b.build(), Features.defaults().without(Feature.MUTABLE_GLOBAL), "mutable global support is not enabled");
    }

    @Test
    void selectAcceptsOnlyNumbersUnlessTyped() {
        RefType funcref = RefType.FUNCREF;
        FuncType refs = type(List.of(funcref, funcref), List.of(funcref));
        invalid(function(refs, index(Opcode.LOCAL_GET, 0), index(Opcode.LOCAL_GET, 1), i32Const(1),
                of(Opcode.SELECT)), "type mismatch");
        valid(function(refs, index(Opcode.LOCAL_GET, 0), index(Opcode.LOCAL_GET, 1), i32Const(1),
                new Instruction(Opcode.SELECT_TYPED, new Immediate.ValTypes(List.of(funcref)))));
    }

    @Test
    void nonDefaultableLocalsMustBeSetBeforeUse() {
        RefType nonNullFunc = RefType.nonNull(HeapType.of(dev.jwc.binary.core.types.AbstractHeapKind.FUNC));
        FuncType returnsRef = type(List.of(), List.of(nonNullFunc));
        invalid(function(returnsRef, List.of(new Locals(1, nonNullFunc)), index(Opcode.LOCAL_GET, 0)),
                "uninitialized local");
    }

    @Test
    void typesGcStructsAndSubtyping() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        int point = b.addRecGroup(RecGroup.single(new SubType(false, List.of(),
                new CompositeType.Struct(List.of(new FieldType(I32, false))), false)));
        int point3 = b.addRecGroup(RecGroup.single(new SubType(true, List.of(point),
                new CompositeType.Struct(List.of(new FieldType(I32, false), new FieldType(I64, true))), false)));
        RefType pointRef = new RefType(true, HeapType.index(point));
        int f = b.addType(type(List.of(), List.of(pointRef)));
        b.addFunction(f, new FunctionBody(List.of(), Expression.of(i32Const(1), i64Const(2),
                index(Opcode.STRUCT_NEW, point3))));
        valid(b.build());

        CoreModuleBuilder set = new CoreModuleBuilder();
        int s = set.addType(new CompositeType.Struct(List.of(new FieldType(I32, false))));
        int g = set.addType(type(List.of(new RefType(false, HeapType.index(s))), List.of()));
        set.addFunction(g, new FunctionBody(List.of(), Expression.of(index(Opcode.LOCAL_GET, 0), i32Const(1),
                new Instruction(Opcode.STRUCT_SET, new Immediate.Indices(s, 0)))));
        invalid(set.build(), "immutable");

        CoreModuleBuilder fin = new CoreModuleBuilder();
        int base = fin.addType(new CompositeType.Struct(List.of()));
        fin.addRecGroup(RecGroup.single(new SubType(true, List.of(base), new CompositeType.Struct(List.of()), false)));
        invalid(fin.build(), "sub type cannot have a final super type");
    }

    @Test
    void identicalRecursionGroupsAreTheSameType() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        int a = b.addType(I32_TO_I32);
        int c = b.addType(I32_TO_I32);
        RefType refA = new RefType(false, HeapType.index(a));
        int caller = b.addType(type(List.of(refA), List.of(I32)));
        b.addFunction(caller, new FunctionBody(List.of(), Expression.of(i32Const(1), index(Opcode.LOCAL_GET, 0),
                index(Opcode.CALL_REF, c))));
        valid(b.build());
    }

    @Test
    void tryTableCatchesMustMatchTheirLabels() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        int tagType = b.addType(type(List.of(I32), List.of()));
        b.addTag(new TagType(tagType));
        int f = b.addType(type(List.of(), List.of(I32)));
        Instruction tryTable = new Instruction(Opcode.TRY_TABLE, new Immediate.TryTable(BlockType.EMPTY,
                List.of(new Catch(Catch.Kind.CATCH, 0, 1))));
        b.addFunction(f, new FunctionBody(List.of(), Expression.of(block(Opcode.BLOCK, new BlockType.Value(I32)),
                tryTable, i32Const(3), index(Opcode.THROW, 0), END, i32Const(0), END)));
        valid(b.build());

        CoreModuleBuilder bad = new CoreModuleBuilder();
        int badTag = bad.addType(type(List.of(I64), List.of()));
        bad.addTag(new TagType(badTag));
        int g = bad.addType(type(List.of(), List.of(I32)));
        bad.addFunction(g, new FunctionBody(List.of(), Expression.of(block(Opcode.BLOCK, new BlockType.Value(I32)),
                tryTable, END, i32Const(0), END)));
        invalid(bad.build(), "type mismatch");
    }

    @Test
    void dataSegmentsNeedAMemoryAndAConstantOffset() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        b.addData(new DataSegment(new DataSegment.Active(0, Expression.of(i32Const(0))), new byte[] {1}));
        invalid(b.build(), "unknown memory 0");
        CoreModuleBuilder c = new CoreModuleBuilder();
        c.addMemory(MemoryType.of(Limits.of(1)));
        c.addData(new DataSegment(new DataSegment.Active(0, Expression.of(i64Const(0))), new byte[] {1}));
        invalid(c.build(), "type mismatch");
    }
}
