package dev.jwc.binary.component;

import dev.jwc.binary.component.ExternType.TypeBound;
import dev.jwc.binary.io.ByteWriter;
import java.util.Optional;

/** Encodes component types, extern types, names, sorts and aliases; the inverse of {@link TypeReader}. */
final class TypeWriter {
    private TypeWriter() {
    }

    static void typeDef(ByteWriter w, TypeDef type) {
        switch (type) {
            case DefinedType d -> definedType(w, d);
            case FuncType f -> {
                w.u8(f.async() ? 0x43 : 0x40).u32(f.params().size());
                f.params().forEach(p -> {
                    w.name(p.name());
                    valType(w, p.type());
                });
                resultList(w, f.result());
            }
            case ComponentType c -> {
                w.u8(0x41).u32(c.decls().size());
                c.decls().forEach(d -> componentDecl(w, d));
            }
            case InstanceType i -> {
                w.u8(0x42).u32(i.decls().size());
                i.decls().forEach(d -> instanceDecl(w, d));
            }
            case ResourceType res -> {
                w.u8(0x3f);
                CoreTypeWriter.valType(w, res.rep());
                if (res.destructor().isPresent()) {
                    w.u8(0x01).u32(res.destructor().getAsInt());
                } else {
                    w.u8(0x00);
                }
            }
        }
    }

    private static void definedType(ByteWriter w, DefinedType type) {
        switch (type) {
            case PrimitiveType p -> w.u8(p.code());
            case DefinedType.Record rec -> {
                w.u8(0x72).u32(rec.fields().size());
                rec.fields().forEach(f -> {
                    w.name(f.name());
                    valType(w, f.type());
                });
            }
            case DefinedType.Variant v -> {
                w.u8(0x71).u32(v.cases().size());
                v.cases().forEach(c -> {
                    w.name(c.name());
                    optionalValType(w, c.type());
                    w.u8(0x00);
                });
            }
            case DefinedType.ListOf l -> valType(w.u8(0x70), l.element());
            case DefinedType.FixedList l -> {
                valType(w.u8(0x67), l.element());
                w.u32(l.length());
            }
            case DefinedType.Tuple t -> {
                w.u8(0x6f).u32(t.types().size());
                t.types().forEach(v -> valType(w, v));
            }
            case DefinedType.Flags f -> {
                w.u8(0x6e).u32(f.names().size());
                f.names().forEach(w::name);
            }
            case DefinedType.Enum e -> {
                w.u8(0x6d).u32(e.names().size());
                e.names().forEach(w::name);
            }
            case DefinedType.Option o -> valType(w.u8(0x6b), o.type());
            case DefinedType.Result res -> {
                w.u8(0x6a);
                optionalValType(w, res.ok());
                optionalValType(w, res.error());
            }
            case DefinedType.Own o -> w.u8(0x69).u32(o.resource());
            case DefinedType.Borrow b -> w.u8(0x68).u32(b.resource());
            case DefinedType.Stream s -> optionalValType(w.u8(0x66), s.element());
            case DefinedType.Future f -> optionalValType(w.u8(0x65), f.element());
            case DefinedType.MapOf m -> {
                valType(w.u8(0x63), m.key());
                valType(w, m.value());
            }
        }
    }

    static void resultList(ByteWriter w, Optional<ValType> result) {
        if (result.isPresent()) {
            valType(w.u8(0x00), result.get());
        } else {
            w.u8(0x01).u8(0x00);
        }
    }

    /** A primitive code, else the type index as an s33 (so it can never collide with a code). */
    static void valType(ByteWriter w, ValType type) {
        switch (type) {
            case PrimitiveType p -> w.u8(p.code());
            case ValType.Ref ref -> w.s64(Integer.toUnsignedLong(ref.index()));
        }
    }

    private static void optionalValType(ByteWriter w, Optional<ValType> type) {
        if (type.isPresent()) {
            valType(w.u8(0x01), type.get());
        } else {
            w.u8(0x00);
        }
    }

    private static void componentDecl(ByteWriter w, ComponentDecl decl) {
        switch (decl) {
            case ComponentDecl.ImportDecl i -> {
                w.u8(0x03);
                externName(w, i.imported().name());
                externType(w, i.imported().type());
            }
            case InstanceDecl d -> instanceDecl(w, d);
        }
    }

    private static void instanceDecl(ByteWriter w, InstanceDecl decl) {
        switch (decl) {
            case InstanceDecl.CoreTypeDecl c -> CoreTypeWriter.componentCoreType(w.u8(0x00), c.type());
            case InstanceDecl.TypeDecl t -> typeDef(w.u8(0x01), t.type());
            case InstanceDecl.AliasDecl a -> alias(w.u8(0x02), a.alias());
            case InstanceDecl.ExportDecl e -> {
                externName(w.u8(0x04), e.name());
                externType(w, e.type());
            }
        }
    }

    static void externType(ByteWriter w, ExternType type) {
        switch (type) {
            case ExternType.Module m -> w.u8(0x00).u8(CoreSort.MODULE.code()).u32(m.coreType());
            case ExternType.Func f -> w.u8(0x01).u32(f.type());
            case ExternType.Value v -> valType(w.u8(0x02), v.type());
            case ExternType.Type t -> {
                w.u8(0x03);
                switch (t.bound()) {
                    case TypeBound.Eq eq -> w.u8(0x00).u32(eq.type());
                    case TypeBound.SubResource sub -> w.u8(0x01);
                }
            }
            case ExternType.Component c -> w.u8(0x04).u32(c.type());
            case ExternType.Instance i -> w.u8(0x05).u32(i.type());
        }
    }

    static void externName(ByteWriter w, ExternName name) {
        w.u8(name.form().code()).name(name.name());
        if (name.form() == ExternName.Form.WITH_ATTRIBUTES) {
            w.u32(name.attributes().size());
            for (ExternName.Attribute attribute : name.attributes()) {
                switch (attribute) {
                    case ExternName.Attribute.Implements i -> w.u8(0x00).name(i.interfaceName());
                    case ExternName.Attribute.VersionSuffix v -> w.u8(0x01).name(v.suffix());
                    case ExternName.Attribute.ExternalId e -> w.u8(0x02).name(e.id());
                }
            }
        }
    }

    static void sort(ByteWriter w, Sort sort) {
        switch (sort) {
            case CoreSort c -> w.u8(0x00).u8(c.code());
            case ComponentSort c -> w.u8(c.code());
        }
    }

    static void alias(ByteWriter w, Alias alias) {
        sort(w, alias.sort());
        switch (alias) {
            case Alias.InstanceExport e -> w.u8(0x00).u32(e.instance()).name(e.name());
            case Alias.CoreInstanceExport e -> w.u8(0x01).u32(e.instance()).name(e.name());
            case Alias.Outer o -> w.u8(0x02).u32(o.count()).u32(o.index());
        }
    }
}
