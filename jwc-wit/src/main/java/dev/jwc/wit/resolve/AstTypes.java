package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Type;
import dev.jwc.wit.syntax.Ast;
import dev.jwc.wit.syntax.Ast.Id;
import java.util.List;

/** Facts read off syntax types: the names a type refers to, and the model type of a primitive. */
final class AstTypes {
    private AstTypes() {}

    static void collectDeps(Ast.Type type, List<Id> deps) {
        switch (type) {
            case Ast.PrimitiveType p -> { }
            case Ast.Flags f -> { }
            case Ast.Enum e -> { }
            case Ast.Resource r -> { }
            case Ast.Name n -> deps.add(n.id());
            case Ast.Handle h -> deps.add(h.resource());
            case Ast.Record r -> r.fields().forEach(f -> collectDeps(f.type(), deps));
            case Ast.Tuple t -> t.types().forEach(x -> collectDeps(x, deps));
            case Ast.Variant v -> v.cases().forEach(c -> {
                if (c.type() != null) {
                    collectDeps(c.type(), deps);
                }
            });
            case Ast.OptionType o -> collectDeps(o.type(), deps);
            case Ast.ListType l -> collectDeps(l.element(), deps);
            case Ast.FixedSizeListType l -> collectDeps(l.element(), deps);
            case Ast.MapType m -> {
                collectDeps(m.key(), deps);
                collectDeps(m.value(), deps);
            }
            case Ast.ResultType r -> {
                if (r.ok() != null) {
                    collectDeps(r.ok(), deps);
                }
                if (r.err() != null) {
                    collectDeps(r.err(), deps);
                }
            }
            case Ast.FutureType f -> {
                if (f.type() != null) {
                    collectDeps(f.type(), deps);
                }
            }
            case Ast.StreamType s -> {
                if (s.type() != null) {
                    collectDeps(s.type(), deps);
                }
            }
        }
    }

    static Type primitive(Ast.Primitive p) {
        return switch (p) {
            case BOOL -> Type.BOOL;
            case U8 -> Type.U8;
            case U16 -> Type.U16;
            case U32 -> Type.U32;
            case U64 -> Type.U64;
            case S8 -> Type.S8;
            case S16 -> Type.S16;
            case S32 -> Type.S32;
            case S64 -> Type.S64;
            case F32 -> Type.F32;
            case F64 -> Type.F64;
            case CHAR -> Type.CHAR;
            case STRING -> Type.STRING;
            case ERROR_CONTEXT -> Type.ERROR_CONTEXT;
        };
    }
}
