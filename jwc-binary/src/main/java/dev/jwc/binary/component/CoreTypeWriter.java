package dev.jwc.binary.component;

import dev.jwc.binary.component.CoreCompositeType.FieldType;
import dev.jwc.binary.component.CoreType.ModuleDecl;
import dev.jwc.binary.component.CoreValType.HeapType;
import dev.jwc.binary.io.ByteWriter;
import java.util.List;

/** Encodes core types as they appear in components; the inverse of {@link CoreTypeReader}. */
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
            case CoreType.Rec rec when !rec.explicit() && !rec.types().getFirst().isFinal() -> {
                w.u8(0x00);
                subType(w, rec.types().getFirst());
            }
            case CoreType.Rec rec -> recType(w, rec);
        }
    }

    static void recType(ByteWriter w, CoreType.Rec rec) {
        if (rec.explicit()) {
            w.u8(0x4e).u32(rec.types().size());
        }
        rec.types().forEach(t -> subType(w, t));
    }

    private static void subType(ByteWriter w, CoreSubType t) {
        if (!t.abbreviated()) {
            w.u8(t.isFinal() ? 0x4f : 0x50).u32(t.supertypes().size());
            t.supertypes().forEach(w::u32);
        }
        if (t.shared()) {
            w.u8(0x65);
        }
        switch (t.type()) {
            case CoreCompositeType.Func f -> {
                w.u8(0x60);
                valTypes(w, f.params());
                valTypes(w, f.results());
            }
            case CoreCompositeType.Struct s -> {
                w.u8(0x5f).u32(s.fields().size());
                s.fields().forEach(f -> fieldType(w, f));
            }
            case CoreCompositeType.Array a -> {
                w.u8(0x5e);
                fieldType(w, a.element());
            }
            case CoreCompositeType.Cont c -> w.u8(0x5d).u32(c.funcType());
        }
    }

    private static void valTypes(ByteWriter w, List<CoreValType> types) {
        w.u32(types.size());
        types.forEach(t -> valType(w, t));
    }

    private static void fieldType(ByteWriter w, FieldType f) {
        switch (f.storage()) {
            case CoreCompositeType.Packed p -> w.u8(p.code());
            case CoreValType v -> valType(w, v);
        }
        w.u8(f.mutable() ? 1 : 0);
    }

    static void valType(ByteWriter w, CoreValType type) {
        switch (type) {
            case CoreValType.Num n -> w.u8(n.code());
            case CoreValType.Ref ref when ref.abbreviated() -> w.u8(((HeapType.Abstract) ref.heap()).kind().code());
            case CoreValType.Ref ref -> {
                w.u8(ref.nullable() ? 0x63 : 0x64);
                switch (ref.heap()) {
                    case HeapType.Abstract a -> {
                        if (a.shared()) {
                            w.u8(0x65);
                        }
                        w.u8(a.kind().code());
                    }
                    case HeapType.Concrete c -> w.s64(Integer.toUnsignedLong(c.index()));
                }
            }
        }
    }

    private static void moduleDecl(ByteWriter w, ModuleDecl decl) {
        switch (decl) {
            case ModuleDecl.Import i -> {
                w.u8(0x00).name(i.module()).name(i.name());
                externType(w, i.type());
            }
            case ModuleDecl.TypeDecl t -> {
                w.u8(0x01);
                switch (t.type()) {
                    case CoreType.Rec rec -> recType(w, rec);
                    case CoreType.Module m -> throw new IllegalArgumentException(
                            "a module type cannot declare a module type: " + m);
                }
            }
            case ModuleDecl.OuterAlias a -> w.u8(0x02).u8(0x10).u8(0x01).u32(a.count()).u32(a.index());
            case ModuleDecl.Export e -> {
                w.u8(0x03).name(e.name());
                externType(w, e.type());
            }
        }
    }

    private static void externType(ByteWriter w, CoreExternType type) {
        switch (type) {
            case CoreExternType.Func f -> w.u8(0x00).u32(f.type());
            case CoreExternType.Table t -> {
                w.u8(0x01);
                valType(w, t.element());
                limits(w, t.limits());
            }
            case CoreExternType.Memory m -> {
                w.u8(0x02);
                limits(w, m.limits());
            }
            case CoreExternType.Global g -> {
                w.u8(0x03);
                valType(w, g.type());
                w.u8((g.mutable() ? 0x01 : 0) | (g.shared() ? 0x02 : 0));
            }
            case CoreExternType.Tag t -> w.u8(0x04).u8(0x00).u32(t.type());
        }
    }

    private static void limits(ByteWriter w, CoreExternType.Limits l) {
        int flags = (l.max().isPresent() ? 0x01 : 0) | (l.shared() ? 0x02 : 0) | (l.is64() ? 0x04 : 0)
                | (l.pageSizeLog2().isPresent() ? 0x08 : 0);
        w.u8(flags).u64(l.min());
        l.max().ifPresent(w::u64);
        l.pageSizeLog2().ifPresent(w::u32);
    }
}
