package dev.jwc.binary.component;

import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
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
import dev.jwc.binary.core.types.ValType;
import dev.jwc.binary.component.CoreType.ModuleDecl;
import dev.jwc.binary.io.ByteWriter;
import java.util.List;

/**
 * Encodes core types as they appear in components; the inverse of {@link CoreTypeReader}. Uses the
 * shortest forms, as wasm-encoder does: {@code funcref} for {@code (ref null func)}, and a bare
 * composite type for a final subtype without supertypes.
 */
final class CoreTypeWriter {
    private CoreTypeWriter() {
    }

    /** A component-level {@code core:deftype}, where a lone non-final subtype takes the 0x00 prefix. */
    static void componentCoreType(ByteWriter w, CoreType type) {
        switch (type) {
            case CoreType.Module m -> {
                w.u8(0x50).u32(m.decls().size());
                m.decls().forEach(d -> moduleDecl(w, d));
            }
            case CoreType.Rec rec when !rec.group().explicit() && !rec.group().types().getFirst().isFinal() -> {
                w.u8(0x00);
                subType(w, rec.group().types().getFirst());
            }
            case CoreType.Rec rec -> recGroup(w, rec.group());
        }
    }

    static void recGroup(ByteWriter w, RecGroup group) {
        if (group.explicit()) {
            w.u8(0x4e).u32(group.types().size());
        }
        group.types().forEach(t -> subType(w, t));
    }

    private static void subType(ByteWriter w, SubType t) {
        if (!t.isFinal() || !t.supertypes().isEmpty()) {
            w.u8(t.isFinal() ? 0x4f : 0x50).u32(t.supertypes().size());
            t.supertypes().forEach(w::u32);
        }
        if (t.shared()) {
            w.u8(0x65);
        }
        switch (t.composite()) {
            case FuncType f -> {
                w.u8(0x60);
                valTypes(w, f.params());
                valTypes(w, f.results());
            }
            case CompositeType.Struct s -> {
                w.u8(0x5f).u32(s.fields().size());
                s.fields().forEach(f -> fieldType(w, f));
            }
            case CompositeType.Array a -> {
                w.u8(0x5e);
                fieldType(w, a.element());
            }
        }
    }

    private static void valTypes(ByteWriter w, List<ValType> types) {
        w.u32(types.size());
        types.forEach(t -> valType(w, t));
    }

    private static void fieldType(ByteWriter w, FieldType f) {
        switch (f.storage()) {
            case PackedType p -> w.u8(p.code());
            case ValType v -> valType(w, v);
        }
        w.u8(f.mutable() ? 1 : 0);
    }

    static void valType(ByteWriter w, ValType type) {
        switch (type) {
            case NumType n -> w.u8(n.code());
            case RefType ref when ref.nullable() && ref.heap() instanceof HeapType.Abstract a && !a.shared() ->
                    w.u8(a.kind().code());
            case RefType ref -> {
                w.u8(ref.nullable() ? 0x63 : 0x64);
                switch (ref.heap()) {
                    case HeapType.Abstract a -> {
                        if (a.shared()) {
                            w.u8(0x65);
                        }
                        w.u8(a.kind().code());
                    }
                    case HeapType.Concrete c -> w.s64(Integer.toUnsignedLong(c.typeIndex()));
                }
            }
        }
    }

    private static void moduleDecl(ByteWriter w, ModuleDecl decl) {
        switch (decl) {
            case ModuleDecl.Import i -> {
                w.u8(0x00).name(i.imported().module()).name(i.imported().name());
                entityType(w, i.imported().type());
            }
            case ModuleDecl.TypeDecl t -> recGroup(w.u8(0x01), t.group());
            case ModuleDecl.OuterAlias a -> w.u8(0x02).u8(0x10).u8(0x01).u32(a.count()).u32(a.index());
            case ModuleDecl.Export e -> {
                w.u8(0x03).name(e.name());
                entityType(w, e.type());
            }
        }
    }

    private static void entityType(ByteWriter w, EntityType type) {
        switch (type) {
            case EntityType.Func f -> w.u8(0x00).u32(f.typeIndex());
            case TableType t -> {
                valType(w.u8(0x01), t.element());
                limits(w, t.limits(), (t.shared() ? 0x02 : 0) | (t.table64() ? 0x04 : 0), t.table64());
            }
            case MemoryType m -> {
                w.u8(0x02);
                int flags = (m.shared() ? 0x02 : 0) | (m.memory64() ? 0x04 : 0)
                        | (m.pageSizeLog2().isPresent() ? 0x08 : 0);
                limits(w, m.limits(), flags, m.memory64());
                m.pageSizeLog2().ifPresent(w::u32);
            }
            case GlobalType g -> {
                valType(w.u8(0x03), g.type());
                w.u8((g.mutable() ? 0x01 : 0) | (g.shared() ? 0x02 : 0));
            }
            case TagType t -> w.u8(0x04).u8(0x00).u32(t.typeIndex());
        }
    }

    private static void limits(ByteWriter w, Limits limits, int flags, boolean is64) {
        w.u8(flags | (limits.max().isPresent() ? 0x01 : 0));
        if (is64) {
            w.u64(limits.min());
            limits.max().ifPresent(w::u64);
        } else {
            w.u32((int) limits.min());
            limits.max().ifPresent(max -> w.u32((int) max));
        }
    }
}
