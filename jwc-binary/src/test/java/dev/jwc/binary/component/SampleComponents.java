package dev.jwc.binary.component;

import dev.jwc.binary.component.CoreType.ModuleDecl;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.types.AbstractHeapKind;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.PackedType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.binary.component.ExternType.TypeBound;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A component that uses every case of the model at least once. It need not validate: it exercises the
 * reader and writer, which only care about the grammar.
 */
final class SampleComponents {
    private SampleComponents() {
    }

    static Component everything() {
        return new Component(List.of(
                new Section.Custom("before", new byte[] {1, 2, 3}),
                new Section.CoreModule(CoreModuleBinary.of(CoreModule.EMPTY)),
                new Section.CoreTypes(coreTypes()),
                new Section.CoreInstances(List.of(
                        new CoreInstance.Instantiate(0, List.of(new CoreInstance.Arg("env", 0))),
                        new CoreInstance.FromExports(List.of(
                                new CoreInstance.Export("f", CoreSort.FUNC, 0),
                                new CoreInstance.Export("t", CoreSort.TABLE, 1),
                                new CoreInstance.Export("m", CoreSort.MEMORY, 2),
                                new CoreInstance.Export("g", CoreSort.GLOBAL, 3),
                                new CoreInstance.Export("e", CoreSort.TAG, 4))))),
                new Section.NestedComponent(new Component(List.of(
                        new Section.Types(List.of(PrimitiveType.STRING))))),
                new Section.Instances(List.of(
                        new Instance.Instantiate(0, List.of(
                                new Instance.Arg("a", ComponentSort.FUNC, 0),
                                new Instance.Arg("b", CoreSort.MODULE, 0))),
                        new Instance.FromExports(List.of(
                                new Instance.Export(ExternName.of("x"), ComponentSort.INSTANCE, 0))))),
                new Section.Aliases(List.of(
                        new Alias.InstanceExport(ComponentSort.FUNC, 0, "f"),
                        new Alias.InstanceExport(CoreSort.MODULE, 0, "m"),
                        new Alias.CoreInstanceExport(CoreSort.MEMORY, 0, "mem"),
                        new Alias.Outer(ComponentSort.TYPE, 1, 0),
                        new Alias.Outer(CoreSort.TYPE, 1, 2),
                        new Alias.Outer(ComponentSort.COMPONENT, 1, 0),
                        new Alias.Outer(CoreSort.MODULE, 1, 0))),
                new Section.Types(types()),
                new Section.Canons(canons()),
                new Section.Start(0, List.of(0, 1), 1),
                new Section.Imports(List.of(
                        new Import(ExternName.of("m"), new ExternType.Module(0)),
                        new Import(new ExternName("legacy", ExternName.Form.PLAIN_LEGACY, List.of()),
                                new ExternType.Func(0)),
                        new Import(new ExternName("a:b/c@1", ExternName.Form.WITH_ATTRIBUTES, List.of(
                                new ExternName.Attribute.Implements("a:b/c"),
                                new ExternName.Attribute.VersionSuffix(".2.3"),
                                new ExternName.Attribute.ExternalId("id"))),
                                new ExternType.Instance(1)),
                        new Import(ExternName.of("v"), new ExternType.Value(PrimitiveType.U8)),
                        new Import(ExternName.of("t"), new ExternType.Type(new TypeBound.Eq(0))),
                        new Import(ExternName.of("r"), new ExternType.Type(new TypeBound.SubResource())),
                        new Import(ExternName.of("c"), new ExternType.Component(2)))),
                new Section.Exports(List.of(
                        new Export(ExternName.of("e"), ComponentSort.FUNC, 0, Optional.empty()),
                        new Export(ExternName.of("e2"), ComponentSort.VALUE, 0,
                                Optional.of(new ExternType.Value(new ValType.Ref(3)))))),
                new Section.Values(List.of(new Value(PrimitiveType.U8, new byte[] {7}))),
                new Section.Custom("after", new byte[0])));
    }

    private static List<CoreType> coreTypes() {
        RefType funcref = RefType.FUNCREF;
        RefType sharedAny = new RefType(false, new HeapType.Abstract(AbstractHeapKind.ANY, true));
        RefType concrete = new RefType(true, HeapType.index(200));
        dev.jwc.binary.core.types.FuncType func = new dev.jwc.binary.core.types.FuncType(List.of(NumType.I32, NumType.I64, NumType.F32, NumType.F64, NumType.V128,
                funcref, sharedAny, concrete), List.of(NumType.I32));
        return List.of(
                new CoreType.Rec(RecGroup.single(SubType.plain(func))),
                new CoreType.Rec(RecGroup.single(new SubType(false, List.of(), func, false))),
                new CoreType.Rec(RecGroup.single(new SubType(true, List.of(0), func, true))),
                new CoreType.Rec(RecGroup.single(new SubType(true, List.of(), func, true))),
                new CoreType.Rec(new RecGroup(List.of(
                        new SubType(false, List.of(), new CompositeType.Struct(List.of(
                                new FieldType(PackedType.I8, true), new FieldType(PackedType.I16, false),
                                new FieldType(NumType.I32, true))), false),
                        SubType.plain(new CompositeType.Array(new FieldType(funcref, false)))), true)),
                new CoreType.Module(List.of(
                        new ModuleDecl.TypeDecl(RecGroup.single(SubType.plain(func))),
                        new ModuleDecl.TypeDecl(RecGroup.single(new SubType(false, List.of(), func, false))),
                        new ModuleDecl.Import(new dev.jwc.binary.core.Import("env", "f", new EntityType.Func(0))),
                        new ModuleDecl.Import(new dev.jwc.binary.core.Import("env", "t", new TableType(funcref, Limits.of(1, 10), true, true))),
                        new ModuleDecl.Import(new dev.jwc.binary.core.Import("env", "m", new MemoryType(Limits.of(1, 1L << 40), true, true,
                                OptionalInt.of(0)))),
                        new ModuleDecl.Import(new dev.jwc.binary.core.Import("env", "n", MemoryType.of(Limits.of(0)))),
                        new ModuleDecl.Import(new dev.jwc.binary.core.Import("env", "g", new GlobalType(NumType.I64, true, true))),
                        new ModuleDecl.OuterAlias(1, 0),
                        new ModuleDecl.Export("tag", new TagType(0)))));
    }

    private static List<TypeDef> types() {
        ValType idx = new ValType.Ref(100);
        return List.of(
                PrimitiveType.BOOL, PrimitiveType.S8, PrimitiveType.U8, PrimitiveType.S16, PrimitiveType.U16,
                PrimitiveType.S32, PrimitiveType.U32, PrimitiveType.S64, PrimitiveType.U64, PrimitiveType.F32,
                PrimitiveType.F64, PrimitiveType.CHAR, PrimitiveType.STRING, PrimitiveType.ERROR_CONTEXT,
                new DefinedType.Record(List.of(new DefinedType.Field("a", PrimitiveType.U8),
                        new DefinedType.Field("b", idx))),
                new DefinedType.Variant(List.of(new DefinedType.Case("x", Optional.of(idx)),
                        new DefinedType.Case("y", Optional.empty()))),
                new DefinedType.ListOf(idx),
                new DefinedType.FixedList(PrimitiveType.U8, 3),
                new DefinedType.Tuple(List.of(PrimitiveType.S16, idx)),
                new DefinedType.Flags(List.of("f1", "f2")),
                new DefinedType.Enum(List.of("e1")),
                new DefinedType.Option(idx),
                new DefinedType.Result(Optional.empty(), Optional.empty()),
                new DefinedType.Result(Optional.of(idx), Optional.of(PrimitiveType.STRING)),
                new DefinedType.Own(0),
                new DefinedType.Borrow(64),
                new DefinedType.Stream(Optional.of(PrimitiveType.U8)),
                new DefinedType.Stream(Optional.empty()),
                new DefinedType.Future(Optional.of(idx)),
                new DefinedType.Future(Optional.empty()),
                new DefinedType.MapOf(PrimitiveType.STRING, idx),
                new FuncType(false, List.of(new FuncType.Param("p", idx)), Optional.of(PrimitiveType.U32)),
                new FuncType(true, List.of(), Optional.empty()),
                new ResourceType(NumType.I32, OptionalInt.empty()),
                new ResourceType(NumType.I32, OptionalInt.of(5)),
                new ComponentType(List.of(
                        new ComponentDecl.ImportDecl(new Import(ExternName.of("i"),
                                new ExternType.Type(new TypeBound.SubResource()))),
                        new InstanceDecl.CoreTypeDecl(new CoreType.Module(List.of())),
                        new InstanceDecl.TypeDecl(new InstanceType(List.of(
                                new InstanceDecl.AliasDecl(new Alias.Outer(ComponentSort.TYPE, 2, 0)),
                                new InstanceDecl.ExportDecl(ExternName.of("t"),
                                        new ExternType.Type(new TypeBound.Eq(0)))))),
                        new InstanceDecl.AliasDecl(new Alias.InstanceExport(ComponentSort.TYPE, 0, "t")),
                        new InstanceDecl.ExportDecl(ExternName.of("f"), new ExternType.Func(1)))));
    }

    private static List<Canon> canons() {
        List<CanonOpt> all = List.of(CanonOpt.StringEncoding.UTF8, CanonOpt.StringEncoding.UTF16,
                CanonOpt.StringEncoding.LATIN1_UTF16, new CanonOpt.Memory(0), new CanonOpt.Realloc(1),
                new CanonOpt.PostReturn(2), new CanonOpt.Async(), new CanonOpt.Callback(3),
                new CanonOpt.CoreType(4), new CanonOpt.Gc());
        List<CanonOpt> memory = List.of(new CanonOpt.Memory(0));
        return List.of(
                new Canon.Lift(0, all, 1), new Canon.Lower(0, memory),
                new Canon.ResourceNew(1), new Canon.ResourceDrop(1), new Canon.ResourceRep(1),
                new Canon.BackpressureInc(), new Canon.BackpressureDec(),
                new Canon.TaskReturn(Optional.of(PrimitiveType.U32), memory),
                new Canon.TaskReturn(Optional.empty(), List.of()),
                new Canon.TaskCancel(),
                new Canon.ContextGet(NumType.I32, 0), new Canon.ContextSet(NumType.I64, 1),
                new Canon.SubtaskCancel(true), new Canon.SubtaskDrop(),
                new Canon.StreamNew(2), new Canon.StreamRead(2, memory), new Canon.StreamWrite(2, memory),
                new Canon.StreamCancelRead(2, true), new Canon.StreamCancelWrite(2, false),
                new Canon.StreamDropReadable(2), new Canon.StreamDropWritable(2),
                new Canon.FutureNew(3), new Canon.FutureRead(3, memory), new Canon.FutureWrite(3, memory),
                new Canon.FutureCancelRead(3, false), new Canon.FutureCancelWrite(3, true),
                new Canon.FutureDropReadable(3), new Canon.FutureDropWritable(3),
                new Canon.ErrorContextNew(memory), new Canon.ErrorContextDebugMessage(memory),
                new Canon.ErrorContextDrop(),
                new Canon.WaitableSetNew(), new Canon.WaitableSetWait(true, 0), new Canon.WaitableSetPoll(false, 0),
                new Canon.WaitableSetDrop(), new Canon.WaitableJoin(),
                new Canon.ThreadIndex(), new Canon.ThreadNewIndirect(0, 0), new Canon.ThreadResumeLater(),
                new Canon.ThreadSuspend(true), new Canon.ThreadYield(false),
                new Canon.ThreadSuspendThenResume(false), new Canon.ThreadYieldThenResume(true),
                new Canon.ThreadSuspendThenPromote(false), new Canon.ThreadYieldThenPromote(true),
                new Canon.ThreadSpawnRef(0), new Canon.ThreadSpawnIndirect(0, 1),
                new Canon.ThreadAvailableParallelism());
    }
}
