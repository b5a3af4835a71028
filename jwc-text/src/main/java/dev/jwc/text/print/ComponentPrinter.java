package dev.jwc.text.print;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentNames;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.Instance;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.Sort;
import dev.jwc.binary.component.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints components section by section, as wasmprinter does, keeping a stack of scopes (components,
 * component and instance types, module types) for index numbering and outer aliases.
 */
final class ComponentPrinter {
    final Out out;
    private final List<Scope> scopes = new ArrayList<>();
    private final ComponentTypePrinter types;
    private final CanonPrinter canons;

    ComponentPrinter(Out out) {
        this.out = out;
        this.types = new ComponentTypePrinter(this);
        this.canons = new CanonPrinter(this);
    }

    Scope scope() {
        return scopes.getLast();
    }

    Scope push() {
        Scope s = new Scope();
        scopes.add(s);
        return s;
    }

    void pop() {
        scopes.removeLast();
    }

    /**
     * The scope {@code count} levels out, or null (with a comment printed) when there is none.
     */
    Scope outer(int count) {
        if (count < 0 || count >= scopes.size()) {
            out.text("(; invalid outer alias count " + Integer.toUnsignedString(count) + " ;) ");
            return null;
        }
        return scopes.get(scopes.size() - 1 - count);
    }

    /** Prints a component whose opening {@code (component ...} header the caller wrote, and closes it. */
    void component(Component component, boolean topLevel) {
        Scope scope = push();
        ComponentNames.of(component).ifPresent(scope::register);
        if (topLevel && scope.name != null) {
            out.space();
            scope.name.write(out);
        }
        for (Section section : component.sections()) {
            section(section);
        }
        out.close();
        pop();
    }

    private void section(Section section) {
        Scope s = scope();
        switch (section) {
            case Section.Custom c -> {
                if (!CustomSections.isNames(c.name())) {
                    CustomSections.print(out, c.name(), c.data(), null);
                }
            }
            case Section.CoreModule m -> {
                out.newline().open("core module ");
                s.core.moduleNames.def(out, s.core.modules);
                ModulePrinter.body(out, m.module().module());
                s.core.modules++;
            }
            case Section.CoreInstances c -> c.instances().forEach(this::coreInstance);
            case Section.CoreTypes c -> c.types().forEach(t -> {
                out.newline();
                types.coreType(t);
            });
            case Section.NestedComponent n -> {
                out.newline().open("component ");
                s.componentNames.def(out, s.components);
                component(n.component(), false);
                s.components++;
            }
            case Section.Instances i -> i.instances().forEach(this::instance);
            case Section.Aliases a -> a.aliases().forEach(alias -> {
                out.newline();
                alias(alias);
            });
            case Section.Types t -> t.types().forEach(def -> {
                out.newline();
                types.typeDef(def);
            });
            case Section.Canons c -> c.canons().forEach(canon -> {
                out.newline();
                canons.canon(canon);
            });
            case Section.Start st -> start(st);
            case Section.Imports i -> i.imports().forEach(imp -> {
                out.newline();
                importDecl(imp);
            });
            case Section.Exports e -> e.exports().forEach(exp -> {
                out.newline();
                export(exp.name(), exp.sort(), exp.index(), exp.ascribed().orElse(null), true);
            });
            case Section.Values v -> throw new PrintException(
                    "value definitions have no text form in wasmprinter's syntax");
        }
    }

    private void coreInstance(CoreInstance instance) {
        Scope s = scope();
        out.newline().open("core instance ");
        s.core.instanceNames.def(out, s.core.instances);
        switch (instance) {
            case CoreInstance.Instantiate i -> {
                out.space().open("instantiate ");
                s.core.moduleNames.ref(out, i.module());
                for (CoreInstance.Arg arg : i.args()) {
                    out.newline().open("with ").string(arg.name()).space().open("instance ");
                    s.core.instanceNames.ref(out, arg.instance());
                    out.close().close();
                }
                out.close();
            }
            case CoreInstance.FromExports e -> {
                for (CoreInstance.Export export : e.exports()) {
                    out.newline().open("export ").string(export.name()).space().open(export.sort().keyword() + " ");
                    coreNames(s.core, export.sort()).ref(out, export.index());
                    out.close().close();
                }
            }
        }
        s.core.instances++;
        out.close();
    }

    private void instance(Instance instance) {
        Scope s = scope();
        out.newline().open("instance ");
        s.instanceNames.def(out, s.instances);
        s.instances++;
        switch (instance) {
            case Instance.Instantiate i -> {
                out.space().open("instantiate ");
                s.componentNames.ref(out, i.component());
                for (Instance.Arg arg : i.args()) {
                    out.newline().open("with ").string(arg.name()).space();
                    kindRef(arg.sort(), arg.index());
                    out.close();
                }
                out.close();
            }
            case Instance.FromExports e -> e.exports().forEach(x -> {
                out.newline();
                export(x.name(), x.sort(), x.index(), null, false);
            });
        }
        out.close();
    }

    private void start(Section.Start start) {
        Scope s = scope();
        out.newline().open("start ");
        s.funcNames.ref(out, start.func());
        for (int arg : start.args()) {
            out.space().open("value ");
            s.valueNames.ref(out, arg);
            out.close();
        }
        for (int i = 0; i < start.results(); i++) {
            out.space().open("result ").open("value ");
            s.valueNames.def(out, s.values++);
            out.close().close();
        }
        out.close();
    }

    void alias(Alias alias) {
        Scope s = scope();
        switch (alias) {
            case Alias.InstanceExport e -> {
                out.open("alias export ");
                s.instanceNames.ref(out, e.instance());
                out.space().string(e.name()).space();
                openKind(e.sort());
                defineKind(e.sort());
                out.close().close();
            }
            case Alias.CoreInstanceExport e -> {
                out.open("alias core export ");
                s.core.instanceNames.ref(out, e.instance());
                out.space().string(e.name()).space().open("core " + e.sort().keyword() + " ");
                defineCore(s.core, e.sort());
                out.close().close();
            }
            case Alias.Outer o -> outerAlias(o.sort(), o.count(), o.index(), "core ");
        }
    }

    /**
     * {@code (alias outer <scope> <index> (<sort> <new item>))}; core sorts take {@code corePrefix}, which
     * module types leave out.
     */
    void outerAlias(Sort sort, int count, int index, String corePrefix) {
        Scope s = scope();
        Scope outer = outer(count);
        if (outer == null) {
            outer = new Scope();
        }
        out.open("alias outer ");
        if (outer.name != null) {
            outer.name.write(out);
        } else {
            out.text(Integer.toUnsignedString(count));
        }
        out.space();
        switch (sort) {
            case CoreSort c -> {
                coreNames(outer.core, c).ref(out, index);
                out.space().open(corePrefix + c.keyword() + " ");
                defineCore(s.core, c);
            }
            case ComponentSort c -> {
                names(outer, c).ref(out, index);
                out.space();
                openKind(c);
                defineKind(c);
            }
        }
        out.close().close();
    }

    /** An import; its item is numbered in its index space. */
    void importDecl(Import imp) {
        out.open("import ");
        name(imp.name());
        out.space();
        externType(imp.type(), true);
        out.close();
    }

    /** An export; {@code define} numbers the new item the export introduces. */
    void export(ExternName name, Sort sort, int index, ExternType ascribed, boolean define) {
        out.open("export ");
        if (define) {
            defineKind(sort);
            out.space();
        }
        name(name);
        out.space();
        kindRef(sort, index);
        if (ascribed != null) {
            out.space();
            externType(ascribed, false);
        }
        out.close();
    }

    /** An import or export name with its attributes. */
    void name(ExternName name) {
        out.string(name.name());
        for (ExternName.Attribute a : name.attributes()) {
            switch (a) {
                case ExternName.Attribute.Implements i -> out.space().open("implements ").string(i.interfaceName());
                case ExternName.Attribute.VersionSuffix v -> out.space().open("versionsuffix ").string(v.suffix());
                case ExternName.Attribute.ExternalId e -> out.space().open("external-id ").string(e.id());
            }
            out.close();
        }
    }

    /** The type of an import or export; {@code define} numbers the item it declares. */
    void externType(ExternType type, boolean define) {
        Scope s = scope();
        switch (type) {
            case ExternType.Module m -> {
                out.open("core module ");
                if (define) {
                    s.core.moduleNames.def(out, s.core.modules++);
                    out.space();
                }
                CoreTypes.typeUse(out, s.core, m.coreType());
            }
            case ExternType.Func f -> {
                out.open("func ");
                if (define) {
                    s.funcNames.def(out, s.funcs++);
                    out.space();
                }
                typeUse(f.type());
            }
            case ExternType.Value v -> {
                out.open("value ");
                if (define) {
                    s.valueNames.def(out, s.values++);
                    out.space();
                }
                switch (v.type()) {
                    case PrimitiveType p -> out.text(p.keyword());
                    case ValType.Ref r -> typeUse(r.index());
                }
            }
            case ExternType.Type t -> {
                out.open("type ");
                if (define) {
                    s.typeNames.def(out, s.types++);
                    out.space();
                }
                switch (t.bound()) {
                    case ExternType.TypeBound.Eq eq -> {
                        out.open("eq ");
                        s.typeNames.ref(out, eq.type());
                        out.close();
                    }
                    case ExternType.TypeBound.SubResource r -> out.open("sub ").text("resource").close();
                }
            }
            case ExternType.Instance i -> {
                out.open("instance ");
                if (define) {
                    s.instanceNames.def(out, s.instances++);
                    out.space();
                }
                typeUse(i.type());
            }
            case ExternType.Component c -> {
                out.open("component ");
                if (define) {
                    s.componentNames.def(out, s.components++);
                    out.space();
                }
                typeUse(c.type());
            }
        }
        out.close();
    }

    /** A component value type: a primitive keyword or a type reference. */
    void valType(ValType type) {
        switch (type) {
            case PrimitiveType p -> out.text(p.keyword());
            case ValType.Ref r -> scope().typeNames.ref(out, r.index());
        }
    }

    /** {@code (type N)} in the component type space. */
    void typeUse(int index) {
        out.open("type ");
        scope().typeNames.ref(out, index);
        out.close();
    }

    /** The sort of an extern type, which says what kind of item an export declarator introduces. */
    static Sort sortOf(ExternType type) {
        return switch (type) {
            case ExternType.Module m -> CoreSort.MODULE;
            case ExternType.Func f -> ComponentSort.FUNC;
            case ExternType.Value v -> ComponentSort.VALUE;
            case ExternType.Type t -> ComponentSort.TYPE;
            case ExternType.Instance i -> ComponentSort.INSTANCE;
            case ExternType.Component c -> ComponentSort.COMPONENT;
        };
    }

    /** Opens {@code (func }, {@code (core module }, ... for a sort. */
    private void openKind(Sort sort) {
        switch (sort) {
            case CoreSort c -> out.open("core " + c.keyword() + " ");
            case ComponentSort c -> out.open(c.keyword() + " ");
        }
    }

    /** {@code (<sort> <ref>)}. */
    private void kindRef(Sort sort, int index) {
        openKind(sort);
        switch (sort) {
            case CoreSort c -> coreNames(scope().core, c).ref(out, index);
            case ComponentSort c -> names(scope(), c).ref(out, index);
        }
        out.close();
    }

    /** Writes the definition of the next item of {@code sort} and counts it. */
    void defineKind(Sort sort) {
        Scope s = scope();
        switch (sort) {
            case CoreSort c -> defineCore(s.core, c);
            case ComponentSort c -> {
                switch (c) {
                    case FUNC -> s.funcNames.def(out, s.funcs++);
                    case VALUE -> s.valueNames.def(out, s.values++);
                    case TYPE -> s.typeNames.def(out, s.types++);
                    case COMPONENT -> s.componentNames.def(out, s.components++);
                    case INSTANCE -> s.instanceNames.def(out, s.instances++);
                }
            }
        }
    }

    private void defineCore(CoreSpace core, CoreSort sort) {
        switch (sort) {
            case FUNC -> core.funcNames.def(out, core.funcs++);
            case TABLE -> core.tableNames.def(out, core.tables++);
            case MEMORY -> core.memoryNames.def(out, core.memories++);
            case GLOBAL -> core.globalNames.def(out, core.globals++);
            case TAG -> core.tagNames.def(out, core.tags++);
            case TYPE -> {
                core.typeNames.def(out, core.types.size());
                core.types.add(null);
            }
            case MODULE -> core.moduleNames.def(out, core.modules++);
            case INSTANCE -> core.instanceNames.def(out, core.instances++);
        }
    }

    static NameMap names(Scope s, ComponentSort sort) {
        return switch (sort) {
            case FUNC -> s.funcNames;
            case VALUE -> s.valueNames;
            case TYPE -> s.typeNames;
            case COMPONENT -> s.componentNames;
            case INSTANCE -> s.instanceNames;
        };
    }

    static NameMap coreNames(CoreSpace core, CoreSort sort) {
        return switch (sort) {
            case FUNC -> core.funcNames;
            case TABLE -> core.tableNames;
            case MEMORY -> core.memoryNames;
            case GLOBAL -> core.globalNames;
            case TAG -> core.tagNames;
            case TYPE -> core.typeNames;
            case MODULE -> core.moduleNames;
            case INSTANCE -> core.instanceNames;
        };
    }
}
