package dev.jwc.binary.core;

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
import dev.jwc.binary.core.types.PackedType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.StorageType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.binary.core.types.ValType;
import dev.jwc.binary.io.ByteWriter;
import java.util.List;

/** Encodes core types; the inverse of {@link CoreTypeReader}, choosing the shortest encodings. */
public final class CoreTypeWriter {
    private CoreTypeWriter() {
    }

    public static void valType(ByteWriter out, ValType type) {
        switch (type) {
            case NumType n -> out.u8(n.code());
            case RefType r -> refType(out, r);
        }
    }

    public static void refType(ByteWriter out, RefType type) {
        if (type.nullable() && type.heap() instanceof HeapType.Abstract a) {
            if (a.shared()) {
                out.u8(CoreTypeReader.SHARED);
            }
            out.u8(a.kind().code());
            return;
        }
        out.u8(type.nullable() ? CoreTypeReader.REF_NULL : CoreTypeReader.REF);
        heapType(out, type.heap());
    }

    public static void heapType(ByteWriter out, HeapType heap) {
        switch (heap) {
            case HeapType.Abstract a -> {
                if (a.shared()) {
                    out.u8(CoreTypeReader.SHARED);
                }
                out.u8(a.kind().code());
            }
            case HeapType.Concrete c -> out.s64(Integer.toUnsignedLong(c.typeIndex()));
        }
    }

    public static void blockType(ByteWriter out, BlockType type) {
        switch (type) {
            case BlockType.Empty e -> out.u8(CoreTypeReader.EMPTY_BLOCK);
            case BlockType.Value v -> valType(out, v.type());
            case BlockType.TypeIndex t -> out.s64(Integer.toUnsignedLong(t.index()));
        }
    }

    public static void valTypes(ByteWriter out, List<ValType> types) {
        out.u32(types.size());
        for (ValType t : types) {
            valType(out, t);
        }
    }

    public static void recGroup(ByteWriter out, RecGroup group) {
        if (group.explicit()) {
            out.u8(CoreTypeReader.REC).u32(group.types().size());
        }
        for (SubType t : group.types()) {
            subType(out, t);
        }
    }

    public static void subType(ByteWriter out, SubType type) {
        if (!type.isFinal() || !type.supertypes().isEmpty()) {
            out.u8(type.isFinal() ? CoreTypeReader.SUB_FINAL : CoreTypeReader.SUB).u32(type.supertypes().size());
            for (int s : type.supertypes()) {
                out.u32(s);
            }
        }
        if (type.shared()) {
            out.u8(CoreTypeReader.SHARED);
        }
        compositeType(out, type.composite());
    }

    public static void compositeType(ByteWriter out, CompositeType type) {
        switch (type) {
            case FuncType f -> {
                out.u8(CoreTypeReader.FUNC);
                valTypes(out, f.params());
                valTypes(out, f.results());
            }
            case CompositeType.Struct s -> {
                out.u8(CoreTypeReader.STRUCT).u32(s.fields().size());
                for (FieldType f : s.fields()) {
                    fieldType(out, f);
                }
            }
            case CompositeType.Array a -> {
                out.u8(CoreTypeReader.ARRAY);
                fieldType(out, a.element());
            }
        }
    }

    public static void fieldType(ByteWriter out, FieldType field) {
        StorageType storage = field.storage();
        switch (storage) {
            case ValType v -> valType(out, v);
            case PackedType p -> out.u8(p.code());
        }
        out.u8(field.mutable() ? 1 : 0);
    }

    public static void tableType(ByteWriter out, TableType type) {
        refType(out, type.element());
        int flags = (type.limits().max().isPresent() ? 0x01 : 0) | (type.shared() ? 0x02 : 0)
                | (type.table64() ? 0x04 : 0);
        out.u8(flags);
        limits(out, type.limits(), type.table64());
    }

    public static void memoryType(ByteWriter out, MemoryType type) {
        int flags = (type.limits().max().isPresent() ? 0x01 : 0) | (type.shared() ? 0x02 : 0)
                | (type.memory64() ? 0x04 : 0) | (type.pageSizeLog2().isPresent() ? 0x08 : 0);
        out.u8(flags);
        limits(out, type.limits(), type.memory64());
        type.pageSizeLog2().ifPresent(out::u32);
    }

    private static void limits(ByteWriter out, Limits limits, boolean wide) {
        if (wide) {
            out.u64(limits.min());
            limits.max().ifPresent(out::u64);
        } else {
            out.u32((int) limits.min());
            limits.max().ifPresent(m -> out.u32((int) m));
        }
    }

    public static void globalType(ByteWriter out, GlobalType type) {
        valType(out, type.type());
        out.u8((type.mutable() ? 0x01 : 0) | (type.shared() ? 0x02 : 0));
    }

    public static void tagType(ByteWriter out, TagType type) {
        out.u8(0).u32(type.typeIndex());
    }

    /** An import's kind byte and type. */
    public static void entityType(ByteWriter out, EntityType type) {
        switch (type) {
            case EntityType.Func f -> out.u8(ExternalKind.FUNC.code()).u32(f.typeIndex());
            case TableType t -> {
                out.u8(ExternalKind.TABLE.code());
                tableType(out, t);
            }
            case MemoryType m -> {
                out.u8(ExternalKind.MEMORY.code());
                memoryType(out, m);
            }
            case GlobalType g -> {
                out.u8(ExternalKind.GLOBAL.code());
                globalType(out, g);
            }
            case TagType t -> {
                out.u8(ExternalKind.TAG.code());
                tagType(out, t);
            }
        }
    }
}
