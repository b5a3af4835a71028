package dev.jwc.wit.resolve;

import dev.jwc.wit.syntax.Ast;
import dev.jwc.wit.syntax.Ast.AstItem;
import dev.jwc.wit.syntax.Ast.Id;
import java.util.ArrayList;
import java.util.List;

/**
 * Visits every path a list of declarations refers to ({@code use}, {@code include}, imports and exports by
 * path), in wit-parser's order: per world, its uses and includes, then the paths of its imports, then exports.
 */
final class UsePaths {
    private UsePaths() {}

    enum Kind { WORLD, INTERFACE, UNKNOWN }

    interface Visitor {
        void visit(Id iface, List<Ast.Attribute> attrs, Ast.UsePath path, List<Ast.UseName> names, Kind kind);
    }


    static void forEach(List<AstItem> items, Visitor f) {
        for (AstItem item : items) {
            switch (item) {
                case Ast.WorldDecl world -> {
                    List<Ast.Import> imports = new ArrayList<>();
                    List<Ast.Export> exports = new ArrayList<>();
                    for (Ast.WorldItem wi : world.items()) {
                        switch (wi) {
                            case Ast.Use u -> f.visit(null, u.attributes(), u.from(), u.names(), Kind.INTERFACE);
                            case Ast.Include inc -> f.visit(world.name(), inc.attributes(), inc.from(), null,
                                    Kind.WORLD);
                            case Ast.TypeDef t -> { }
                            case Ast.Import imp -> imports.add(imp);
                            case Ast.Export exp -> exports.add(exp);
                        }
                    }
                    for (Ast.Import imp : imports) {
                        visitExtern(imp.kind(), imp.attributes(), f);
                    }
                    for (Ast.Export exp : exports) {
                        visitExtern(exp.kind(), exp.attributes(), f);
                    }
                }
                case Ast.InterfaceDecl iface -> {
                    for (Ast.InterfaceItem ii : iface.items()) {
                        if (ii instanceof Ast.Use u) {
                            f.visit(iface.name(), u.attributes(), u.from(), u.names(), Kind.INTERFACE);
                        }
                    }
                }
                case Ast.ToplevelUse u -> f.visit(null, u.attributes(), u.item(), null, Kind.UNKNOWN);
                case Ast.NestedPackage nested -> forEach(nested.file().items(), f);
            }
        }
    }

    private static void visitExtern(Ast.ExternKind kind, List<Ast.Attribute> attrs, Visitor f) {
        switch (kind) {
            case Ast.ExternInterface inline -> {
                for (Ast.InterfaceItem ii : inline.items()) {
                    if (ii instanceof Ast.Use u) {
                        f.visit(null, u.attributes(), u.from(), u.names(), Kind.INTERFACE);
                    }
                }
            }
            case Ast.ExternPath p -> f.visit(null, attrs, p.path(), null, Kind.INTERFACE);
            case Ast.ExternNamedPath p -> f.visit(null, attrs, p.path(), null, Kind.INTERFACE);
            case Ast.ExternFunc fn -> { }
        }
    }
}
