package dev.jwc.binary.core;

import dev.jwc.binary.core.types.AbstractHeapKind;
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
import dev.jwc.binary.io.ByteReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decodes the core type encodings (value, reference, heap, composite and entity types). Public so the
 * component reader can decode core types embedded in components.
 */
public final class CoreTypeReader {
    static final int SHARED = 0x65;
    static final int REF = 0x64;
    static final int REF_NULL = 0x63;
    static final int FUNC = 0x60;
    static final int STRUCT = 0x5F;
    static final int ARRAY = 0x5E;
    static final int SUB = 0x50;
    static final int SUB_FINAL = 0x4F;
    static final int REC = 0x4E;
    static final int EMPTY_BLOCK = 0x40;

    private CoreTypeReader() {
    }

    public static ValType valType(ByteReader in) {
        long start = in.offset();
        int b = in.u8();
        NumType num = NumType.fromCode(b);
        if (num != null) {
            return num;
        }
        return switch (b) {
            case REF -> new RefType(false, heapType(in));
            case REF_NULL -> new RefType(true, heapType(in));
            case SHARED -> {
                AbstractHeapKind kind = AbstractHeapKind.fromCode(in.u8());
                if (kind == null) {
                    throw in.errorAt("malformed value type", start);
                }
                yield new RefType(true, new HeapType.Abstract(kind, true));
            }
            default -> {
                AbstractHeapKind kind = AbstractHeapKind.fromCode(b);
                if (kind == null) {
                    throw in.errorAt("malformed value type: invalid value type 0x" + Integer.toHexString(b), start);
                }
                yield RefType.nullable(kind);
            }
        };
    }

    public static RefType refType(ByteReader in) {
        long start = in.offset();
        if (valType(in) instanceof RefType ref) {
            return ref;
        }
        throw in.errorAt("malformed reference type", start);
    }

    public static HeapType heapType(ByteReader in) {
        long start = in.offset();
        int b = in.peekU8();
        if (b == SHARED) {
            in.u8();
            AbstractHeapKind kind = AbstractHeapKind.fromCode(in.u8());
            if (kind == null) {
                throw in.errorAt("malformed heap type", start);
            }
            return new HeapType.Abstract(kind, true);
        }
        AbstractHeapKind kind = AbstractHeapKind.fromCode(b);
        if (kind != null) {
            in.u8();
            return HeapType.of(kind);
        }
        long index = in.s33();
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw in.errorAt("malformed heap type", start);
        }
        return HeapType.index((int) index);
    }

    public static BlockType blockType(ByteReader in) {
        long start = in.offset();
        int b = in.peekU8();
        if (b == EMPTY_BLOCK) {
            in.u8();
            return BlockType.EMPTY;
        }
        if (NumType.fromCode(b) != null || b == REF || b == REF_NULL || b == SHARED
                || AbstractHeapKind.fromCode(b) != null) {
            return new BlockType.Value(valType(in));
        }
        long index = in.s33();
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw in.errorAt("malformed block type", start);
        }
        return new BlockType.TypeIndex((int) index);
    }

    public static StorageType storageType(ByteReader in) {
        int b = in.peekU8();
        if (b == PackedType.I8.code() || b == PackedType.I16.code()) {
            in.u8();
            return b == PackedType.I8.code() ? PackedType.I8 : PackedType.I16;
        }
        return valType(in);
    }

    public static FieldType fieldType(ByteReader in) {
        StorageType storage = storageType(in);
        return new FieldType(storage, mutability(in));
    }

    public static RecGroup recGroup(ByteReader in) {
        if (in.peekU8() == REC) {
            in.u8();
            int n = in.count();
            List<SubType> types = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                types.add(subType(in));
            }
            return new RecGroup(types, true);
        }
        return RecGroup.single(subType(in));
    }

    public static SubType subType(ByteReader in) {
        int b = in.peekU8();
        if (b == SUB || b == SUB_FINAL) {
            in.u8();
            int n = in.count();
            List<Integer> supers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                supers.add(in.u32());
            }
            boolean shared = sharedPrefix(in);
            return new SubType(b == SUB_FINAL, supers, compositeType(in), shared);
        }
        boolean shared = sharedPrefix(in);
        return new SubType(true, List.of(), compositeType(in), shared);
    }

    private static boolean sharedPrefix(ByteReader in) {
        if (in.peekU8() == SHARED) {
            in.u8();
            return true;
        }
        return false;
    }

    public static CompositeType compositeType(ByteReader in) {
        long start = in.offset();
        int form = in.u8();
        return switch (form) {
            case FUNC -> funcTypeBody(in);
            case STRUCT -> {
                int n = in.count();
                List<FieldType> fields = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    fields.add(fieldType(in));
                }
                yield new CompositeType.Struct(fields);
            }
            case ARRAY -> new CompositeType.Array(fieldType(in));
            default -> throw in.errorAt("invalid leading byte (0x" + Integer.toHexString(form)
                    + ") for type definition", start);
        };
    }

    /** A function type after its 0x60 form byte. */
    public static FuncType funcTypeBody(ByteReader in) {
        return new FuncType(valTypes(in), valTypes(in));
    }

    public static List<ValType> valTypes(ByteReader in) {
        int n = in.count();
        List<ValType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            types.add(valType(in));
        }
        return types;
    }

    public static TableType tableType(ByteReader in) {
        RefType element = refType(in);
        long start = in.offset();
        int flags = in.u8();
        if ((flags & ~0x07) != 0) {
            throw in.errorAt("invalid table resizable limits flags", start);
        }
        boolean table64 = (flags & 0x04) != 0;
        Limits limits = limits(in, (flags & 0x01) != 0, table64);
        return new TableType(element, limits, table64, (flags & 0x02) != 0);
    }

    public static MemoryType memoryType(ByteReader in) {
        long start = in.offset();
        int flags = in.u8();
        if ((flags & ~0x0F) != 0) {
            throw in.errorAt("invalid memory limits flags", start);
        }
        boolean memory64 = (flags & 0x04) != 0;
        Limits limits = limits(in, (flags & 0x01) != 0, memory64);
        OptionalInt pageSizeLog2 = OptionalInt.empty();
        if ((flags & 0x08) != 0) {
            long at = in.offset();
            int log2 = in.u32();
            if (Integer.compareUnsigned(log2, 64) >= 0) {
                throw in.errorAt("invalid custom page size", at);
            }
            pageSizeLog2 = OptionalInt.of(log2);
        }
        return new MemoryType(limits, (flags & 0x02) != 0, memory64, pageSizeLog2);
    }

    private static Limits limits(ByteReader in, boolean hasMax, boolean wide) {
        long min = wide ? in.u64() : in.u32() & 0xffffffffL;
        OptionalLong max = OptionalLong.empty();
        if (hasMax) {
            max = OptionalLong.of(wide ? in.u64() : in.u32() & 0xffffffffL);
        }
        return new Limits(min, max);
    }

    public static GlobalType globalType(ByteReader in) {
        ValType type = valType(in);
        long start = in.offset();
        int flags = in.u8();
        if ((flags & ~0x03) != 0) {
            throw in.errorAt("malformed mutability", start);
        }
        return new GlobalType(type, (flags & 0x01) != 0, (flags & 0x02) != 0);
    }

    public static TagType tagType(ByteReader in) {
        long start = in.offset();
        int attribute = in.u8();
        if (attribute != 0) {
            throw in.errorAt("invalid tag attributes", start);
        }
        return new TagType(in.u32());
    }

    /** The type of an import, after reading its kind byte. */
    public static EntityType entityType(ByteReader in) {
        long start = in.offset();
        int kind = in.u8();
        ExternalKind k = ExternalKind.fromCode(kind);
        if (k == null) {
            throw in.errorAt("malformed import kind: invalid leading byte (0x" + Integer.toHexString(kind)
                    + ") for external kind", start);
        }
        return switch (k) {
            case FUNC -> new EntityType.Func(in.u32());
            case TABLE -> tableType(in);
            case MEMORY -> memoryType(in);
            case GLOBAL -> globalType(in);
            case TAG -> tagType(in);
        };
    }

    private static boolean mutability(ByteReader in) {
        long start = in.offset();
        int b = in.u8();
        if (b > 1) {
            throw in.errorAt("malformed mutability", start);
        }
        return b == 1;
    }
}
