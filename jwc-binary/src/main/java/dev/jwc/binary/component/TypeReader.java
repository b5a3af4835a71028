package dev.jwc.binary.component;

import static dev.jwc.binary.component.Decode.invalid;
import static dev.jwc.binary.component.Decode.optional;
import static dev.jwc.binary.component.Decode.vec;

import dev.jwc.binary.Feature;
import dev.jwc.binary.component.ExternType.TypeBound;
import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.DecodeException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes component types and the items they share with definitions: value types, extern types,
 * extern names, sorts and aliases.
 */
final class TypeReader {
    private TypeReader() {
    }

    static TypeDef typeDef(ByteReader r, Scope scope) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x40, 0x43 -> new FuncType(b == 0x43, vec(r, TypeReader::param), resultList(r));
            case 0x41 -> {
                Scope inner = scope.inner(r);
                yield new ComponentType(vec(r, in -> componentDecl(in, inner)));
            }
            case 0x42 -> {
                Scope inner = scope.inner(r);
                yield new InstanceType(vec(r, in -> instanceDecl(in, inner, in.offset(), in.u8())));
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

    private static ComponentDecl componentDecl(ByteReader r, Scope scope) {
        long at = r.offset();
        int b = r.u8();
        if (b == 0x03) {
            return new ComponentDecl.ImportDecl(new Import(externName(r, scope), externType(r)));
        }
        return instanceDecl(r, scope, at, b);
    }

    private static InstanceDecl instanceDecl(ByteReader r, Scope scope, long at, int b) {
        return switch (b) {
            case 0x00 -> new InstanceDecl.CoreTypeDecl(CoreTypeReader.componentCoreType(r));
            case 0x01 -> new InstanceDecl.TypeDecl(typeDef(r, scope));
            case 0x02 -> new InstanceDecl.AliasDecl(alias(r));
            case 0x04 -> new InstanceDecl.ExportDecl(externName(r, scope), externType(r));
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

    /**
     * An extern name. The attribute form ({@code 0x02}) and each attribute exist only with their
     * feature: cm-implements for {@code implements} and {@code external-id}, cm-canon-names for
     * {@code versionsuffix}.
     */
    static ExternName externName(ByteReader r, Scope scope) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new ExternName(r.name(), ExternName.Form.PLAIN, List.of());
            case 0x01 -> new ExternName(r.name(), ExternName.Form.PLAIN_LEGACY, List.of());
            case 0x02 -> {
                if (!scope.features().has(Feature.CM_IMPLEMENTS) && !scope.features().has(Feature.CM_CANON_NAMES)) {
                    throw inactive(r, at, Feature.CM_IMPLEMENTS);
                }
                yield new ExternName(r.name(), ExternName.Form.WITH_ATTRIBUTES,
                        vec(r, in -> nameAttribute(in, scope)));
            }
            default -> throw invalid(r, at, b, "component name");
        };
    }

    private static ExternName.Attribute nameAttribute(ByteReader r, Scope scope) {
        long at = r.offset();
        int b = r.u8();
        Feature needed = b == 0x01 ? Feature.CM_CANON_NAMES : Feature.CM_IMPLEMENTS;
        if (b <= 0x02 && !scope.features().has(needed)) {
            throw inactive(r, at, needed);
        }
        return switch (b) {
            case 0x00 -> new ExternName.Attribute.Implements(r.name());
            case 0x01 -> new ExternName.Attribute.VersionSuffix(r.name());
            case 0x02 -> new ExternName.Attribute.ExternalId(r.name());
            default -> throw invalid(r, at, b, "name option");
        };
    }

    private static DecodeException inactive(ByteReader r, long at, Feature feature) {
        return r.errorAt("the `" + feature.flagName() + "` feature is not active", at);
    }

    /**
     * A {@code sort} where a component item is named (exports, instantiation arguments, instance
     * exports): a component sort or {@code 0x00 0x11}, core module being the only core sort a component
     * can export, as wasmparser decodes it.
     */
    static Sort sort(ByteReader r) {
        long at = r.offset();
        int first = r.u8();
        long secondAt = r.offset();
        int second = first == 0x00 ? r.u8() : -1;
        return componentExternalKind(r, first, second, at, secondAt);
    }

    /** A core sort that core instances export: func, table, memory, global or tag. */
    static CoreSort externalKind(ByteReader r) {
        long at = r.offset();
        return externalKind(r, r.u8(), at);
    }

    private static CoreSort externalKind(ByteReader r, int b, long at) {
        CoreSort sort = CoreSort.fromCode(b);
        if (sort == null || b > CoreSort.TAG.code()) {
            throw invalid(r, at, b, "external kind");
        }
        return sort;
    }

    private static Sort componentExternalKind(ByteReader r, int first, int second, long firstAt, long secondAt) {
        if (first == 0x00) {
            if (second != CoreSort.MODULE.code()) {
                throw invalid(r, secondAt, second, "component external kind");
            }
            return CoreSort.MODULE;
        }
        ComponentSort sort = ComponentSort.fromCode(first);
        if (sort == null) {
            throw invalid(r, firstAt, first, "component external kind");
        }
        return sort;
    }

    /**
     * An alias. The sort bytes come first and are interpreted by the target that follows: component
     * external kinds for instance exports, core external kinds for core instance exports, and core
     * type, core module, type or component for outer aliases.
     */
    static Alias alias(ByteReader r) {
        long sortAt = r.offset();
        int first = r.u8();
        long secondAt = r.offset();
        int second = first == 0x00 ? r.u8() : -1;
        long targetAt = r.offset();
        int target = r.u8();
        return switch (target) {
            case 0x00 -> new Alias.InstanceExport(componentExternalKind(r, first, second, sortAt, secondAt),
                    r.u32(), r.name());
            case 0x01 -> {
                if (first != 0x00) {
                    throw invalid(r, sortAt, first, "core instance export kind");
                }
                yield new Alias.CoreInstanceExport(externalKind(r, second, secondAt), r.u32(), r.name());
            }
            case 0x02 -> new Alias.Outer(outerAliasKind(r, first, second, sortAt, secondAt), r.u32(), r.u32());
            default -> throw invalid(r, targetAt, target, "alias");
        };
    }

    private static Sort outerAliasKind(ByteReader r, int first, int second, long firstAt, long secondAt) {
        if (first == 0x00) {
            return switch (second) {
                case 0x10 -> CoreSort.TYPE;
                case 0x11 -> CoreSort.MODULE;
                default -> throw invalid(r, secondAt, second, "component outer alias kind");
            };
        }
        return switch (first) {
            case 0x03 -> ComponentSort.TYPE;
            case 0x04 -> ComponentSort.COMPONENT;
            default -> throw invalid(r, firstAt, first, "component outer alias kind");
        };
    }
}
