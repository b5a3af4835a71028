package dev.jwc.binary.component;

import static dev.jwc.binary.component.Decode.invalid;
import static dev.jwc.binary.component.Decode.vec;

import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.types.AbstractHeapKind;
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
import dev.jwc.binary.component.CoreType.ModuleDecl;
import dev.jwc.binary.io.ByteReader;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decodes the core types that appear inside components (recursion groups and module types) into the
 * core type model of {@code dev.jwc.binary.core.types}.
 */
final class CoreTypeReader {
    private CoreTypeReader() {
    }

    /**
     * A {@code core:deftype} of a component's core type section or an instance/component declarator:
     * here {@code 0x50} starts a module type and a non-final subtype needs the {@code 0x00 0x50} prefix.
     */
    static CoreType componentCoreType(ByteReader r) {
        return switch (r.peekU8()) {
            case 0x50 -> {
                r.u8();
                yield new CoreType.Module(vec(r, CoreTypeReader::moduleDecl));
            }
            case 0x00 -> {
                r.u8();
                long subAt = r.offset();
                int b = r.u8();
                if (b != 0x50) {
                    throw invalid(r, subAt, b, "non-final sub type");
                }
                yield new CoreType.Rec(RecGroup.single(subTypeBody(r, false)));
            }
            default -> new CoreType.Rec(recGroup(r));
        };
    }

    /** A core {@code rectype} as core modules encode it ({@code 0x50} is a non-final subtype). */
    static RecGroup recGroup(ByteReader r) {
        if (r.peekU8() == 0x4e) {
            r.u8();
            return new RecGroup(vec(r, CoreTypeReader::subType), true);
        }
        return RecGroup.single(subType(r));
    }

    private static SubType subType(ByteReader r) {
        return switch (r.peekU8()) {
            case 0x50 -> {
                r.u8();
                yield subTypeBody(r, false);
            }
            case 0x4f -> {
                r.u8();
                yield subTypeBody(r, true);
            }
            default -> {
                boolean shared = shared(r);
                yield new SubType(true, List.of(), compositeType(r), shared);
            }
        };
    }

    private static SubType subTypeBody(ByteReader r, boolean isFinal) {
        List<Integer> supertypes = vec(r, ByteReader::u32);
        boolean shared = shared(r);
        return new SubType(isFinal, supertypes, compositeType(r), shared);
    }

    private static boolean shared(ByteReader r) {
        if (r.peekU8() == 0x65) {
            r.u8();
            return true;
        }
        return false;
    }

    private static CompositeType compositeType(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x60 -> new FuncType(vec(r, CoreTypeReader::valType), vec(r, CoreTypeReader::valType));
            case 0x5f -> new CompositeType.Struct(vec(r, CoreTypeReader::fieldType));
            case 0x5e -> new CompositeType.Array(fieldType(r));
            default -> throw invalid(r, at, b, "type");
        };
    }

    private static FieldType fieldType(ByteReader r) {
        StorageType storage = switch (r.peekU8()) {
            case 0x78 -> {
                r.u8();
                yield PackedType.I8;
            }
            case 0x77 -> {
                r.u8();
                yield PackedType.I16;
            }
            default -> valType(r);
        };
        long at = r.offset();
        int mutability = r.u8();
        if (mutability > 1) {
            throw r.errorAt("malformed mutability", at);
        }
        return new FieldType(storage, mutability == 1);
    }

    /** A core value type. */
    static ValType valType(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        NumType num = NumType.fromCode(b);
        if (num != null) {
            return num;
        }
        if (b == 0x63 || b == 0x64) {
            return new RefType(b == 0x63, heapType(r));
        }
        AbstractHeapKind heap = AbstractHeapKind.fromCode(b);
        if (heap != null) {
            return new RefType(true, HeapType.of(heap));
        }
        throw invalid(r, at, b, "value type");
    }

    private static HeapType heapType(ByteReader r) {
        long at = r.offset();
        int b = r.peekU8();
        if (b == 0x65) {
            r.u8();
            long kindAt = r.offset();
            int k = r.u8();
            AbstractHeapKind heap = AbstractHeapKind.fromCode(k);
            if (heap == null) {
                throw invalid(r, kindAt, k, "shared heap type");
            }
            return new HeapType.Abstract(heap, true);
        }
        AbstractHeapKind heap = AbstractHeapKind.fromCode(b);
        if (heap != null) {
            r.u8();
            return HeapType.of(heap);
        }
        long index = r.s33();
        if (index < 0) {
            throw invalid(r, at, b, "heap type");
        }
        return HeapType.index((int) index);
    }

    private static ModuleDecl moduleDecl(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new ModuleDecl.Import(new Import(r.name(), r.name(), entityType(r)));
            case 0x01 -> new ModuleDecl.TypeDecl(recGroup(r));
            case 0x02 -> {
                long kindAt = r.offset();
                int kind = r.u8();
                if (kind != 0x10) {
                    throw invalid(r, kindAt, kind, "outer alias kind");
                }
                long targetAt = r.offset();
                int target = r.u8();
                if (target != 0x01) {
                    throw invalid(r, targetAt, target, "outer alias target");
                }
                yield new ModuleDecl.OuterAlias(r.u32(), r.u32());
            }
            case 0x03 -> new ModuleDecl.Export(r.name(), entityType(r));
            default -> throw invalid(r, at, b, "type definition");
        };
    }

    private static EntityType entityType(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new EntityType.Func(r.u32());
            case 0x01 -> {
                long elemAt = r.offset();
                if (!(valType(r) instanceof RefType element)) {
                    throw r.errorAt("invalid table element type: not a reference type", elemAt);
                }
                long flagsAt = r.offset();
                int flags = r.u8();
                if ((flags & ~0x07) != 0) {
                    throw r.errorAt("invalid table limits flags 0x" + Integer.toHexString(flags), flagsAt);
                }
                boolean table64 = (flags & 0x04) != 0;
                yield new TableType(element, limits(r, flags, table64), table64, (flags & 0x02) != 0);
            }
            case 0x02 -> {
                long flagsAt = r.offset();
                int flags = r.u8();
                if ((flags & ~0x0f) != 0) {
                    throw r.errorAt("invalid memory limits flags 0x" + Integer.toHexString(flags), flagsAt);
                }
                boolean memory64 = (flags & 0x04) != 0;
                Limits limits = limits(r, flags, memory64);
                OptionalInt pageSizeLog2 = (flags & 0x08) != 0 ? OptionalInt.of(r.u32()) : OptionalInt.empty();
                yield new MemoryType(limits, (flags & 0x02) != 0, memory64, pageSizeLog2);
            }
            case 0x03 -> {
                ValType type = valType(r);
                long mutAt = r.offset();
                int flags = r.u8();
                if ((flags & ~0x03) != 0) {
                    throw r.errorAt("malformed mutability", mutAt);
                }
                yield new GlobalType(type, (flags & 0x01) != 0, (flags & 0x02) != 0);
            }
            case 0x04 -> {
                long attrAt = r.offset();
                int attribute = r.u8();
                if (attribute != 0x00) {
                    throw invalid(r, attrAt, attribute, "tag attribute");
                }
                yield new TagType(r.u32());
            }
            default -> throw invalid(r, at, b, "external kind");
        };
    }

    /** The minimum and, with flag bit 0, the maximum; 64-bit values when {@code is64}. */
    private static Limits limits(ByteReader r, int flags, boolean is64) {
        long min = is64 ? r.u64() : Integer.toUnsignedLong(r.u32());
        OptionalLong max = (flags & 0x01) != 0
                ? OptionalLong.of(is64 ? r.u64() : Integer.toUnsignedLong(r.u32())) : OptionalLong.empty();
        return new Limits(min, max);
    }
}
