package dev.jwc.binary.component;

import static dev.jwc.binary.component.Decode.invalid;
import static dev.jwc.binary.component.Decode.optional;
import static dev.jwc.binary.component.Decode.vec;

import dev.jwc.binary.component.ExternType.TypeBound;
import dev.jwc.binary.io.ByteReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes component types and the items they share with definitions: value types, extern types,
 * extern names, sorts and aliases. {@code depth} counts enclosing components and component/instance
 * types, bounded to keep recursion safe on untrusted input.
 */
final class TypeReader {
    private TypeReader() {
    }

    static TypeDef typeDef(ByteReader r, int depth) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x40, 0x43 -> new FuncType(b == 0x43, vec(r, TypeReader::param), resultList(r));
            case 0x41 -> {
                Decode.checkDepth(r, depth + 1);
                yield new ComponentType(vec(r, in -> componentDecl(in, depth + 1)));
            }
            case 0x42 -> {
                Decode.checkDepth(r, depth + 1);
                yield new InstanceType(vec(r, in -> instanceDecl(in, depth + 1, in.offset(), in.u8())));
            }
            case 0x3f -> new ResourceType(CoreTypeReader.valType(r), optionalIndex(r, "resource destructor"));
            default -> definedType(r, at, b);
        };
    }

    private static DefinedType definedType(ByteReader r, long at, int b) {
        PrimitiveType primitive = PrimitiveType.fromCode(b);
        if (primitive != null) {
            return primitive;
        }
        return switch (b) {
            case 0x72 -> new DefinedType.Record(vec(r, in -> new DefinedType.Field(in.name(), valType(in))));
            case 0x71 -> new DefinedType.Variant(vec(r, TypeReader::variantCase));
            case 0x70 -> new DefinedType.ListOf(valType(r));
            case 0x67 -> new DefinedType.FixedList(valType(r), r.u32());
            case 0x6f -> new DefinedType.Tuple(vec(r, TypeReader::valType));
            case 0x6e -> new DefinedType.Flags(vec(r, ByteReader::name));
            case 0x6d -> new DefinedType.Enum(vec(r, ByteReader::name));
            case 0x6b -> new DefinedType.Option(valType(r));
            case 0x6a -> new DefinedType.Result(optionalValType(r), optionalValType(r));
            case 0x69 -> new DefinedType.Own(r.u32());
            case 0x68 -> new DefinedType.Borrow(r.u32());
            case 0x66 -> new DefinedType.Stream(optionalValType(r));
            case 0x65 -> new DefinedType.Future(optionalValType(r));
            case 0x63 -> new DefinedType.MapOf(valType(r), valType(r));
            default -> throw invalid(r, at, b, "component defined type");
        };
    }

    private static DefinedType.Case variantCase(ByteReader r) {
        String name = r.name();
        Optional<ValType> type = optionalValType(r);
        long at = r.offset();
        int zero = r.u8();
        if (zero != 0x00) {
            throw invalid(r, at, zero, "zero byte required");
        }
        return new DefinedType.Case(name, type);
    }

    private static FuncType.Param param(ByteReader r) {
        return new FuncType.Param(r.name(), valType(r));
    }

    /** {@code resultlist ::= 0x00 t | 0x01 0x00}. */
    static Optional<ValType> resultList(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> Optional.of(valType(r));
            case 0x01 -> {
                long countAt = r.offset();
                int count = r.u8();
                if (count != 0x00) {
                    throw invalid(r, countAt, count, "number of results");
                }
                yield Optional.empty();
            }
            default -> throw invalid(r, at, b, "component function results");
        };
    }

    /** A value type: a primitive code, else a non-negative s33 type index. */
    static ValType valType(ByteReader r) {
        long at = r.offset();
        int b = r.peekU8();
        PrimitiveType primitive = PrimitiveType.fromCode(b);
        if (primitive != null) {
            r.u8();
            return primitive;
        }
        long index = r.s33();
        if (index < 0) {
            throw invalid(r, at, b, "component value type");
        }
        return new ValType.Ref((int) index);
    }

    private static Optional<ValType> optionalValType(ByteReader r) {
        return optional(r, "optional component value type", TypeReader::valType);
    }

    private static OptionalInt optionalIndex(ByteReader r, String what) {
        Optional<Integer> index = optional(r, what, ByteReader::u32);
        return index.map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    private static ComponentDecl componentDecl(ByteReader r, int depth) {
        long at = r.offset();
        int b = r.u8();
        if (b == 0x03) {
            return new ComponentDecl.ImportDecl(new Import(externName(r), externType(r)));
        }
        return instanceDecl(r, depth, at, b);
    }

    private static InstanceDecl instanceDecl(ByteReader r, int depth, long at, int b) {
        return switch (b) {
            case 0x00 -> new InstanceDecl.CoreTypeDecl(CoreTypeReader.componentCoreType(r));
            case 0x01 -> new InstanceDecl.TypeDecl(typeDef(r, depth));
            case 0x02 -> new InstanceDecl.AliasDecl(alias(r));
            case 0x04 -> new InstanceDecl.ExportDecl(externName(r), externType(r));
            default -> throw invalid(r, at, b, "component or instance type declaration");
        };
    }

    static ExternType externType(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> {
                long sortAt = r.offset();
                int sort = r.u8();
                if (sort != CoreSort.MODULE.code()) {
                    throw invalid(r, sortAt, sort, "component external kind");
                }
                yield new ExternType.Module(r.u32());
            }
            case 0x01 -> new ExternType.Func(r.u32());
            case 0x02 -> new ExternType.Value(valType(r));
            case 0x03 -> new ExternType.Type(typeBound(r));
            case 0x04 -> new ExternType.Component(r.u32());
            case 0x05 -> new ExternType.Instance(r.u32());
            default -> throw invalid(r, at, b, "component external kind");
        };
    }

    private static TypeBound typeBound(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new TypeBound.Eq(r.u32());
            case 0x01 -> new TypeBound.SubResource();
            default -> throw invalid(r, at, b, "type bound");
        };
    }

    static ExternName externName(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new ExternName(r.name(), ExternName.Form.PLAIN, List.of());
            case 0x01 -> new ExternName(r.name(), ExternName.Form.PLAIN_LEGACY, List.of());
            case 0x02 -> new ExternName(r.name(), ExternName.Form.WITH_ATTRIBUTES,
                    vec(r, TypeReader::nameAttribute));
            default -> throw invalid(r, at, b, "component name");
        };
    }

    private static ExternName.Attribute nameAttribute(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new ExternName.Attribute.Implements(r.name());
            case 0x01 -> new ExternName.Attribute.VersionSuffix(r.name());
            case 0x02 -> new ExternName.Attribute.ExternalId(r.name());
            default -> throw invalid(r, at, b, "name option");
        };
    }

    /** A {@code sort}: {@code 0x00 core:sort} or a component sort code. */
    static Sort sort(ByteReader r, String what) {
        long at = r.offset();
        int b = r.u8();
        if (b == 0x00) {
            return coreSort(r, what);
        }
        ComponentSort sort = ComponentSort.fromCode(b);
        if (sort == null) {
            throw invalid(r, at, b, what);
        }
        return sort;
    }

    static CoreSort coreSort(ByteReader r, String what) {
        long at = r.offset();
        int b = r.u8();
        CoreSort sort = CoreSort.fromCode(b);
        if (sort == null) {
            throw invalid(r, at, b, what);
        }
        return sort;
    }

    static Alias alias(ByteReader r) {
        long sortAt = r.offset();
        int first = r.u8();
        long secondAt = r.offset();
        int second = first == 0x00 ? r.u8() : -1;
        long targetAt = r.offset();
        int target = r.u8();
        return switch (target) {
            case 0x00 -> new Alias.InstanceExport(sortOf(r, first, second, sortAt, secondAt,
                    "component external kind"), r.u32(), r.name());
            case 0x01 -> {
                if (first != 0x00) {
                    throw invalid(r, sortAt, first, "core alias kind");
                }
                CoreSort sort = CoreSort.fromCode(second);
                if (sort == null) {
                    throw invalid(r, secondAt, second, "core alias kind");
                }
                yield new Alias.CoreInstanceExport(sort, r.u32(), r.name());
            }
            case 0x02 -> {
                Sort sort = sortOf(r, first, second, sortAt, secondAt, "component outer alias kind");
                boolean outerable = switch (sort) {
                    case CoreSort s -> s == CoreSort.MODULE || s == CoreSort.TYPE;
                    case ComponentSort s -> s == ComponentSort.TYPE || s == ComponentSort.COMPONENT;
                };
                if (!outerable) {
                    throw first == 0x00 ? invalid(r, secondAt, second, "component outer alias kind")
                            : invalid(r, sortAt, first, "component outer alias kind");
                }
                yield new Alias.Outer(sort, r.u32(), r.u32());
            }
            default -> throw invalid(r, targetAt, target, "alias");
        };
    }

    private static Sort sortOf(ByteReader r, int first, int second, long firstAt, long secondAt, String what) {
        if (first == 0x00) {
            CoreSort sort = CoreSort.fromCode(second);
            if (sort == null) {
                throw invalid(r, secondAt, second, what);
            }
            return sort;
        }
        ComponentSort sort = ComponentSort.fromCode(first);
        if (sort == null) {
            throw invalid(r, firstAt, first, what);
        }
        return sort;
    }
}
