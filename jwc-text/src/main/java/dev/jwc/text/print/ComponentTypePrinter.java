package dev.jwc.text.print;

import dev.jwc.binary.component.ComponentDecl;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.CoreType;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.InstanceType;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.ResourceType;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.binary.component.ValType;
import java.util.List;
import java.util.Optional;

/** Component type definitions and core types of components, including module, component and instance types. */
final class ComponentTypePrinter {
    private final ComponentPrinter printer;
    private final Out out;

    ComponentTypePrinter(ComponentPrinter printer) {
        this.printer = printer;
        this.out = printer.out;
    }

    void coreType(CoreType type) {
        Scope s = printer.scope();
        switch (type) {
            case CoreType.Rec r -> CoreTypes.recGroup(out, s.core, r.group(), true);
            case CoreType.Module m -> {
                out.open("core type ");
                s.core.typeNames.def(out, s.core.types.size());
                moduleType(m);
                out.close();
                s.core.types.add(null);
            }
        }
    }

    private void moduleType(CoreType.Module module) {
        Scope s = printer.push();
        out.newline().open("module");
        for (CoreType.ModuleDecl decl : module.decls()) {
            out.newline();
            switch (decl) {
                case CoreType.ModuleDecl.Import i -> ModulePrinter.importDecl(out, s.core, i.imported(), false);
                case CoreType.ModuleDecl.TypeDecl t -> CoreTypes.recGroup(out, s.core, t.group(), false);
                case CoreType.ModuleDecl.OuterAlias a -> printer.outerAlias(CoreSort.TYPE, a.count(), a.index(), "");
                case CoreType.ModuleDecl.Export e -> {
                    out.open("export ").string(e.name()).space();
                    CoreTypes.openEntity(out, s.core, e.type(), false);
                    out.close().close();
                }
            }
        }
        out.close();
        printer.pop();
    }

    void typeDef(TypeDef def) {
        Scope s = printer.scope();
        out.open("type ");
        s.typeNames.def(out, s.types);
        switch (def) {
            case DefinedType d -> {
                out.space();
                defined(d);
            }
            case FuncType f -> {
                out.space();
                func(f);
            }
            case ComponentType c -> declarators("component", c.decls());
            case InstanceType i -> declarators("instance", i.decls());
            case ResourceType r -> {
                out.space().open("resource ").open("rep ");
                CoreTypes.valType(out, s.core, r.rep());
                out.close();
                r.destructor().ifPresent(dtor -> {
                    out.space().open("dtor ");
                    s.core.funcNames.ref(out, dtor);
                    out.close();
                });
                out.close();
            }
        }
        out.close();
        s.types++;
    }

    private void declarators(String keyword, List<? extends ComponentDecl> decls) {
        printer.push();
        out.newline().open(keyword);
        for (ComponentDecl decl : decls) {
            out.newline();
            switch (decl) {
                case InstanceDecl.CoreTypeDecl c -> coreType(c.type());
                case InstanceDecl.TypeDecl t -> typeDef(t.type());
                case InstanceDecl.AliasDecl a -> printer.alias(a.alias());
                case InstanceDecl.ExportDecl e -> {
                    out.open("export ");
                    printer.defineKind(ComponentPrinter.sortOf(e.type()));
                    out.space();
                    printer.name(e.name());
                    out.space();
                    printer.externType(e.type(), false);
                    out.close();
                }
                case ComponentDecl.ImportDecl i -> printer.importDecl(i.imported());
            }
        }
        out.close();
        printer.pop();
    }

    private void func(FuncType f) {
        out.open("func");
        if (f.async()) {
            out.text(" async");
        }
        for (FuncType.Param p : f.params()) {
            out.space().open("param ").string(p.name()).space();
            valType(p.type());
            out.close();
        }
        f.result().ifPresent(r -> {
            out.space().open("result ");
            valType(r);
            out.close();
        });
        out.close();
    }

    private void valType(ValType type) {
        printer.valType(type);
    }

    private void defined(DefinedType type) {
        switch (type) {
            case PrimitiveType p -> out.text(p.keyword());
            case DefinedType.Record r -> {
                out.open("record");
                for (DefinedType.Field f : r.fields()) {
                    out.space().open("field ").string(f.name()).space();
                    valType(f.type());
                    out.close();
                }
                out.close();
            }
            case DefinedType.Variant v -> {
                out.open("variant");
                for (DefinedType.Case c : v.cases()) {
                    out.space().open("case ").string(c.name());
                    c.type().ifPresent(t -> {
                        out.space();
                        valType(t);
                    });
                    out.close();
                }
                out.close();
            }
            case DefinedType.ListOf l -> {
                out.open("list ");
                valType(l.element());
                out.close();
            }
            case DefinedType.FixedList l -> {
                out.open("list ");
                valType(l.element());
                out.text(" " + Integer.toUnsignedString(l.length())).close();
            }
            case DefinedType.Tuple t -> {
                out.open("tuple");
                t.types().forEach(v -> {
                    out.space();
                    valType(v);
                });
                out.close();
            }
            case DefinedType.Flags f -> names("flags", f.names());
            case DefinedType.Enum e -> names("enum", e.names());
            case DefinedType.Option o -> {
                out.open("option ");
                valType(o.type());
                out.close();
            }
            case DefinedType.Result r -> {
                out.open("result");
                r.ok().ifPresent(t -> {
                    out.space();
                    valType(t);
                });
                r.error().ifPresent(t -> {
                    out.space().open("error ");
                    valType(t);
                    out.close();
                });
                out.close();
            }
            case DefinedType.Own o -> handle("own ", o.resource());
            case DefinedType.Borrow b -> handle("borrow ", b.resource());
            case DefinedType.Stream st -> optionalElement("stream", st.element());
            case DefinedType.Future f -> optionalElement("future", f.element());
            case DefinedType.MapOf m -> {
                out.open("map ");
                valType(m.key());
                out.space();
                valType(m.value());
                out.close();
            }
        }
    }

    private void names(String keyword, List<String> names) {
        out.open(keyword);
        names.forEach(n -> out.space().string(n));
        out.close();
    }

    private void handle(String keyword, int resource) {
        out.open(keyword);
        printer.scope().typeNames.ref(out, resource);
        out.close();
    }

    private void optionalElement(String keyword, Optional<ValType> element) {
        out.open(keyword);
        element.ifPresent(t -> {
            out.space();
            valType(t);
        });
        out.close();
    }
}
