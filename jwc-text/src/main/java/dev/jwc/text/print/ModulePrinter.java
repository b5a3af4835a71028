package dev.jwc.text.print;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CustomSection;
import dev.jwc.binary.core.DataSegment;
import dev.jwc.binary.core.ElementSegment;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.FunctionBody;
import dev.jwc.binary.core.Global;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.Locals;
import dev.jwc.binary.core.SectionId;
import dev.jwc.binary.core.Table;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.TagType;
import java.util.Optional;

/** Prints a core module's sections in binary order, as wasmprinter lays them out. */
final class ModulePrinter {
    private final Out out;
    private final CoreModule module;
    private final CoreSpace space;
    private String place;
    private int placeLine;

    private ModulePrinter(Out out, CoreModule module, CoreSpace space) {
        this.out = out;
        this.module = module;
        this.space = space;
    }

    /**
     * Prints {@code module} with its header already written by the caller ({@code (module $name} or
     * {@code (core module (;0;)}) and closes it.
     */
    static void body(Out out, CoreModule module) {
        CoreSpace space = new CoreSpace();
        module.names().ifPresent(space::register);
        new ModulePrinter(out, module, space).sections();
        out.close();
    }

    /** The module name from its name section, for the top-level header. */
    static Optional<Naming> name(CoreModule module) {
        return module.names().flatMap(n -> n.module()).map(n -> Naming.of(n, 0, "module", null));
    }

    /**
     * Sections in binary order, custom sections where they were. A custom section's placement names the
     * last section before it that printed anything since the previous custom section, as wasmprinter
     * tracks it ({@code before first} when there is none).
     */
    private void sections() {
        place = "before first";
        placeLine = out.line();
        customs(Optional.empty());
        for (SectionId id : SectionId.values()) {
            if (id == SectionId.CUSTOM || !present(id)) {
                continue;
            }
            section(id);
            if (id != SectionId.DATA_COUNT && out.line() != placeLine) {
                place = "after " + placeName(id);
                placeLine = out.line();
            }
            customs(Optional.of(id));
        }
    }

    private boolean present(SectionId id) {
        return switch (id) {
            case CUSTOM -> false;
            case TYPE -> !module.types().isEmpty();
            case IMPORT -> !module.imports().isEmpty();
            case FUNCTION -> !module.functions().isEmpty();
            case TABLE -> !module.tables().isEmpty();
            case MEMORY -> !module.memories().isEmpty();
            case TAG -> !module.tags().isEmpty();
            case GLOBAL -> !module.globals().isEmpty();
            case EXPORT -> !module.exports().isEmpty();
            case START -> module.start().isPresent();
            case ELEMENT -> !module.elements().isEmpty();
            case DATA_COUNT -> module.dataCount().isPresent();
            case CODE -> !module.code().isEmpty();
            case DATA -> !module.data().isEmpty();
        } || module.customSections().stream().anyMatch(c -> c.after().equals(Optional.of(id)));
    }

    private static String placeName(SectionId id) {
        return switch (id) {
            case FUNCTION -> "func";
            case ELEMENT -> "elem";
            default -> id.text();
        };
    }

    private void customs(Optional<SectionId> after) {
        for (CustomSection c : module.customSections()) {
            if (c.after().equals(after) && c instanceof CustomSection.Raw raw && !CustomSections.isNames(raw.name())) {
                CustomSections.print(out, raw.name(), raw.data(), place);
                placeLine = out.line();
            }
        }
    }

    private void section(SectionId id) {
        switch (id) {
            case TYPE -> module.types().forEach(this::recGroup);
            case IMPORT -> module.imports().forEach(this::importDef);
            case TABLE -> module.tables().forEach(this::table);
            case MEMORY -> module.memories().forEach(this::memory);
            case TAG -> module.tags().forEach(this::tag);
            case GLOBAL -> module.globals().forEach(this::global);
            case EXPORT -> module.exports().forEach(e -> {
                out.newline();
                export(out, space, e);
            });
            case START -> {
                out.newline().open("start ");
                space.funcNames.ref(out, module.start().getAsInt());
                out.close();
            }
            case ELEMENT -> {
                for (int i = 0; i < module.elements().size(); i++) {
                    element(i, module.elements().get(i));
                }
            }
            case CODE -> {
                if (module.code().size() != module.functions().size()) {
                    throw new PrintException("mismatch in function and code section counts");
                }
                for (int i = 0; i < module.code().size(); i++) {
                    function(module.functions().get(i), module.code().get(i));
                }
            }
            case DATA -> {
                for (int i = 0; i < module.data().size(); i++) {
                    data(i, module.data().get(i));
                }
            }
            case CUSTOM, FUNCTION, DATA_COUNT -> {
                // Functions print with the code section; the data count has no text form.
            }
        }
    }

    private void recGroup(RecGroup group) {
        out.newline();
        CoreTypes.recGroup(out, space, group, false);
    }

    private void importDef(Import i) {
        out.newline();
        importDecl(out, space, i, true);
    }

    /** {@code (import "m" "n" (kind ...))}; {@code define} numbers the item in its space. */
    static void importDecl(Out out, CoreSpace space, Import i, boolean define) {
        out.open("import ").string(i.module()).space().string(i.name()).space();
        CoreTypes.openEntity(out, space, i.type(), define);
        out.close().close();
    }

    /** {@code (export "name" (kind idx))}. */
    static void export(Out out, CoreSpace space, Export e) {
        out.open("export ").string(e.name()).space();
        out.open(e.kind().text() + " ");
        switch (e.kind()) {
            case FUNC -> space.funcNames.ref(out, e.index());
            case TABLE -> space.tableNames.ref(out, e.index());
            case MEMORY -> space.memoryNames.ref(out, e.index());
            case GLOBAL -> space.globalNames.ref(out, e.index());
            // wasmprinter writes exported tags by index, never by name.
            case TAG -> out.text(Integer.toUnsignedString(e.index()));
        }
        out.close().close();
    }

    private void table(Table t) {
        out.newline();
        CoreTypes.openEntity(out, space, t.type(), true);
        t.init().ifPresent(init -> {
            out.space();
            Instructions.constant(out, space, init);
        });
        out.close();
    }

    private void memory(MemoryType m) {
        out.newline();
        CoreTypes.openEntity(out, space, m, true);
        out.close();
    }

    private void tag(TagType t) {
        out.newline();
        CoreTypes.openEntity(out, space, t, true);
        out.close();
    }

    private void global(Global g) {
        out.newline();
        CoreTypes.openEntity(out, space, g.type(), true);
        out.space();
        Instructions.constant(out, space, g.init());
        out.close();
    }

    private void element(int index, ElementSegment e) {
        out.newline().open("elem ");
        space.elemNames.def(out, index);
        switch (e.mode()) {
            case ElementSegment.Passive p -> {
            }
            case ElementSegment.Declarative d -> out.text(" declare");
            case ElementSegment.Active a -> {
                a.table().ifPresent(table -> {
                    out.space().open("table ");
                    space.tableNames.ref(out, table);
                    out.close();
                });
                out.space();
                Instructions.sugared(out, space, a.offset(), "offset");
            }
        }
        out.space();
        switch (e.items()) {
            case ElementSegment.Functions f -> {
                out.text("func");
                f.indices().forEach(i -> {
                    out.space();
                    space.funcNames.ref(out, i);
                });
            }
            case ElementSegment.Expressions x -> {
                CoreTypes.refType(out, space, x.type());
                for (Expression item : x.expressions()) {
                    out.space();
                    Instructions.sugared(out, space, item, "item");
                }
            }
        }
        out.close();
    }

    private void data(int index, DataSegment d) {
        out.newline().open("data ");
        space.dataNames.def(out, index);
        out.space();
        if (d.mode() instanceof DataSegment.Active a) {
            if (a.memory() != 0) {
                out.open("memory ");
                space.memoryNames.ref(out, a.memory());
                out.close().space();
            }
            Instructions.sugared(out, space, a.offset(), "offset");
            out.space();
        }
        out.bytes(d.bytes());
        out.close();
    }

    private void function(int typeIndex, FunctionBody body) {
        int func = space.funcs;
        out.newline().open("func ");
        space.funcNames.def(out, func);
        out.space();
        int params = CoreTypes.typeUseWithSignature(out, space, typeIndex, func);
        NamedLocals locals = new NamedLocals(out, "local");
        int local = 0;
        for (Locals run : body.locals()) {
            for (int i = 0; i < run.count(); i++) {
                if (local == 0) {
                    out.newline();
                }
                locals.start(space.local(func, params + local));
                CoreTypes.valType(out, space, run.type());
                locals.end();
                local++;
            }
        }
        locals.finish();
        Instructions.body(out, space, func, body.body());
        out.close();
        space.funcs++;
    }
}
