package dev.jwc.binary.component;

import static dev.jwc.binary.component.Decode.invalid;
import static dev.jwc.binary.component.Decode.vec;

import dev.jwc.binary.component.CoreCompositeType.FieldType;
import dev.jwc.binary.component.CoreCompositeType.Packed;
import dev.jwc.binary.component.CoreCompositeType.StorageType;
import dev.jwc.binary.component.CoreType.ModuleDecl;
import dev.jwc.binary.component.CoreValType.AbstractHeap;
import dev.jwc.binary.component.CoreValType.HeapType;
import dev.jwc.binary.io.ByteReader;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Decodes the core types that appear inside components: GC recursion groups and module types. */
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
                yield CoreType.Rec.of(subTypeBody(r, false));
            }
            default -> recType(r);
        };
    }

    /** A core {@code rectype} as core modules encode it ({@code 0x50} is a non-final subtype). */
    static CoreType.Rec recType(ByteReader r) {
        if (r.peekU8() == 0x4e) {
            r.u8();
            return new CoreType.Rec(vec(r, CoreTypeReader::subType), true);
        }
        return CoreType.Rec.of(subType(r));
    }

    private static CoreSubType subType(ByteReader r) {
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
                yield new CoreSubType(true, List.of(), shared, compositeType(r), true);
            }
        };
    }

    private static CoreSubType subTypeBody(ByteReader r, boolean isFinal) {
        List<Integer> supertypes = vec(r, ByteReader::u32);
        boolean shared = shared(r);
        return new CoreSubType(isFinal, supertypes, shared, compositeType(r), false);
    }

    private static boolean shared(ByteReader r) {
        if (r.peekU8() == 0x65) {
            r.u8();
            return true;
        }
        return false;
    }

    private static CoreCompositeType compositeType(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x60 -> new CoreCompositeType.Func(vec(r, CoreTypeReader::valType),
                    vec(r, CoreTypeReader::valType));
            case 0x5f -> new CoreCompositeType.Struct(vec(r, CoreTypeReader::fieldType));
            case 0x5e -> new CoreCompositeType.Array(fieldType(r));
            case 0x5d -> new CoreCompositeType.Cont(r.u32());
            default -> throw invalid(r, at, b, "type");
        };
    }

    private static FieldType fieldType(ByteReader r) {
        StorageType storage = switch (r.peekU8()) {
            case 0x78 -> {
                r.u8();
                yield Packed.I8;
            }
            case 0x77 -> {
                r.u8();
                yield Packed.I16;
            }
            default -> valType(r);
        };
        return new FieldType(storage, mutability(r));
    }

    private static boolean mutability(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> false;
            case 0x01 -> true;
            default -> throw r.errorAt("malformed mutability", at);
        };
    }

    /** A core value type. */
    static CoreValType valType(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        CoreValType.Num num = CoreValType.Num.fromCode(b);
        if (num != null) {
            return num;
        }
        if (b == 0x63 || b == 0x64) {
            return new CoreValType.Ref(b == 0x63, heapType(r), false);
        }
        AbstractHeap heap = AbstractHeap.fromCode(b);
        if (heap != null) {
            return new CoreValType.Ref(true, new HeapType.Abstract(heap, false), true);
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
            AbstractHeap heap = AbstractHeap.fromCode(k);
            if (heap == null) {
                throw invalid(r, kindAt, k, "shared heap type");
            }
            return new HeapType.Abstract(heap, true);
        }
        AbstractHeap heap = AbstractHeap.fromCode(b);
        if (heap != null) {
            r.u8();
            return new HeapType.Abstract(heap, false);
        }
        long index = r.s33();
        if (index < 0) {
            throw invalid(r, at, b, "heap type");
        }
        return new HeapType.Concrete((int) index);
    }

    private static ModuleDecl moduleDecl(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new ModuleDecl.Import(r.name(), r.name(), externType(r));
            case 0x01 -> new ModuleDecl.TypeDecl(recType(r));
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
            case 0x03 -> new ModuleDecl.Export(r.name(), externType(r));
            default -> throw invalid(r, at, b, "type definition");
        };
    }

    private static CoreExternType externType(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new CoreExternType.Func(r.u32());
            case 0x01 -> {
                long elemAt = r.offset();
                if (!(valType(r) instanceof CoreValType.Ref element)) {
                    throw r.errorAt("invalid table element type: not a reference type", elemAt);
                }
                yield new CoreExternType.Table(element, limits(r, 0x07, "table"));
            }
            case 0x02 -> new CoreExternType.Memory(limits(r, 0x0f, "memory"));
            case 0x03 -> {
                CoreValType type = valType(r);
                long mutAt = r.offset();
                int flags = r.u8();
                if ((flags & ~0x03) != 0) {
                    throw r.errorAt("malformed mutability", mutAt);
                }
                yield new CoreExternType.Global(type, (flags & 0x01) != 0, (flags & 0x02) != 0);
            }
            case 0x04 -> {
                long attrAt = r.offset();
                int attribute = r.u8();
                if (attribute != 0x00) {
                    throw invalid(r, attrAt, attribute, "tag attribute");
                }
                yield new CoreExternType.Tag(r.u32());
            }
            default -> throw invalid(r, at, b, "external kind");
        };
    }

    /** Limits flags: bit 0 has-max, bit 1 shared, bit 2 64-bit, bit 3 custom page size (memories only). */
    private static CoreExternType.Limits limits(ByteReader r, int allowedFlags, String what) {
        long at = r.offset();
        int flags = r.u8();
        if ((flags & ~allowedFlags) != 0) {
            throw r.errorAt("invalid " + what + " limits flags 0x" + Integer.toHexString(flags), at);
        }
        boolean is64 = (flags & 0x04) != 0;
        long min = is64 ? r.u64() : r.u32() & 0xffffffffL;
        OptionalLong max = (flags & 0x01) != 0
                ? OptionalLong.of(is64 ? r.u64() : r.u32() & 0xffffffffL) : OptionalLong.empty();
        OptionalInt pageSizeLog2 = (flags & 0x08) != 0 ? OptionalInt.of(r.u32()) : OptionalInt.empty();
        return new CoreExternType.Limits(is64, (flags & 0x02) != 0, min, max, pageSizeLog2);
    }
}
