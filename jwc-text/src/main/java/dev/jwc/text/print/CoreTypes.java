package dev.jwc.text.print;

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

/** Core types, in modules and in components: value, reference and heap types, type definitions, entity types. */
final class CoreTypes {
    private CoreTypes() {
    }

    static void valType(Out out, CoreSpace space, ValType type) {
        switch (type) {
            case NumType n -> out.text(n.text());
            case RefType r -> refType(out, space, r);
        }
    }

    static void refType(Out out, CoreSpace space, RefType type) {
        if (type.nullable() && type.heap() instanceof HeapType.Abstract a && !a.shared()) {
            String shorthand = shorthand(a.kind());
            if (shorthand != null) {
                out.text(shorthand);
                return;
            }
        }
        out.open(type.nullable() ? "ref null " : "ref ");
        heapType(out, space, type.heap());
        out.close();
    }

    private static String shorthand(AbstractHeapKind kind) {
        return switch (kind) {
            case FUNC -> "funcref";
            case EXTERN -> "externref";
            case I31 -> "i31ref";
            case ANY -> "anyref";
            case NONE -> "nullref";
            case NOEXTERN -> "nullexternref";
            case NOFUNC -> "nullfuncref";
            case EQ -> "eqref";
            case STRUCT -> "structref";
            case ARRAY -> "arrayref";
            case EXN -> "exnref";
            case NOEXN -> "nullexnref";
            case CONT -> "contref";
            case NOCONT -> "nullcontref";
        };
    }

    static void heapType(Out out, CoreSpace space, HeapType heap) {
        switch (heap) {
            case HeapType.Abstract a -> out.text(a.text());
            case HeapType.Concrete c -> space.typeNames.ref(out, c.typeIndex());
        }
    }

    static void storageType(Out out, CoreSpace space, StorageType type) {
        switch (type) {
            case PackedType p -> out.text(p.text());
            case ValType v -> valType(out, space, v);
        }
    }

    /**
     * A recursion group: {@code (rec ...)} when written explicitly, else the one {@code (type ...)}; in a
     * component both take the {@code core} prefix.
     */
    static void recGroup(Out out, CoreSpace space, RecGroup group, boolean inComponent) {
        String prefix = inComponent ? "core " : "";
        if (!group.explicit()) {
            type(out, space, group.types().getFirst(), prefix);
            return;
        }
        out.open(prefix + "rec");
        for (SubType t : group.types()) {
            out.newline();
            type(out, space, t, "");
        }
        out.close();
    }

    private static void type(Out out, CoreSpace space, SubType type, String prefix) {
        int index = space.types.size();
        out.open(prefix + "type ");
        space.typeNames.def(out, index);
        out.space();
        subType(out, space, type, index);
        out.close();
        space.types.add(type);
    }

    private static void subType(Out out, CoreSpace space, SubType type, int index) {
        if (type.isFinal() && type.supertypes().isEmpty()) {
            sharedComposite(out, space, type, index);
            return;
        }
        out.open("sub ");
        if (type.isFinal()) {
            out.text("final ");
        }
        for (int sup : type.supertypes()) {
            space.typeNames.ref(out, sup);
            out.space();
        }
        sharedComposite(out, space, type, index);
        out.close();
    }

    private static void sharedComposite(Out out, CoreSpace space, SubType type, int index) {
        if (type.shared()) {
            out.open("shared ");
            composite(out, space, type.composite(), index);
            out.close();
        } else {
            composite(out, space, type.composite(), index);
        }
    }

    private static void composite(Out out, CoreSpace space, CompositeType composite, int index) {
        switch (composite) {
            case FuncType f -> {
                out.open("func");
                funcType(out, space, f, -1);
                out.close();
            }
            case CompositeType.Array a -> {
                out.open("array");
                field(out, space, a.element(), null);
                out.close();
            }
            case CompositeType.Struct s -> {
                out.open("struct");
                for (int i = 0; i < s.fields().size(); i++) {
                    out.text(" (field");
                    field(out, space, s.fields().get(i), space.field(index, i));
                    out.text(")");
                }
                out.close();
            }
        }
    }

    private static void field(Out out, CoreSpace space, FieldType field, Naming name) {
        out.space();
        if (name != null) {
            name.writeIdentifier(out);
            out.space();
        }
        if (field.mutable()) {
            out.text("(mut ");
        }
        storageType(out, space, field.storage());
        if (field.mutable()) {
            out.text(")");
        }
    }

    /**
     * The params and results of a function type; params take the local names of function {@code namesFor}
     * (-1 for none). Returns the number of params.
     */
    static int funcType(Out out, CoreSpace space, FuncType type, int namesFor) {
        if (!type.params().isEmpty()) {
            out.space();
        }
        NamedLocals params = new NamedLocals(out, "param");
        for (int i = 0; i < type.params().size(); i++) {
            params.start(namesFor < 0 ? null : space.local(namesFor, i));
            valType(out, space, type.params().get(i));
            params.end();
        }
        params.finish();
        if (!type.results().isEmpty()) {
            out.space().open("result");
            for (ValType r : type.results()) {
                out.space();
                valType(out, space, r);
            }
            out.close();
        }
        return type.params().size();
    }

    /** {@code (type N)}. */
    static void typeUse(Out out, CoreSpace space, int index) {
        out.open("type ");
        space.typeNames.ref(out, index);
        out.close();
    }

    /** {@code (type N)} followed by the function type's params and results when it is known. */
    static int typeUseWithSignature(Out out, CoreSpace space, int index, int namesFor) {
        typeUse(out, space, index);
        SubType t = space.type(index);
        return t != null && !t.shared() && t.composite() instanceof FuncType f ? funcType(out, space, f, namesFor) : 0;
    }

    /**
     * An imported or exported entity: its kind, its index in that space when {@code define} is set (the
     * space grows by one), and its type. The group is left open for the caller to add to and close.
     */
    static void openEntity(Out out, CoreSpace space, EntityType type, boolean define) {
        switch (type) {
            case EntityType.Func f -> {
                out.open("func ");
                if (define) {
                    space.funcNames.def(out, space.funcs++);
                    out.space();
                }
                typeUse(out, space, f.typeIndex());
            }
            case TableType t -> {
                out.open("table ");
                if (define) {
                    space.tableNames.def(out, space.tables++);
                    out.space();
                }
                if (t.shared()) {
                    out.text("shared ");
                }
                if (t.table64()) {
                    out.text("i64 ");
                }
                limits(out, t.limits());
                out.space();
                refType(out, space, t.element());
            }
            case MemoryType m -> {
                out.open("memory ");
                if (define) {
                    space.memoryNames.def(out, space.memories++);
                    out.space();
                }
                if (m.memory64()) {
                    out.text("i64 ");
                }
                limits(out, m.limits());
                if (m.shared()) {
                    out.text(" shared");
                }
                m.pageSizeLog2().ifPresent(p -> out.text(" (pagesize 0x" + Long.toHexString(1L << p) + ")"));
            }
            case GlobalType g -> {
                out.open("global ");
                if (define) {
                    space.globalNames.def(out, space.globals++);
                    out.space();
                }
                globalType(out, space, g);
            }
            case TagType t -> {
                out.open("tag ");
                if (define) {
                    space.tagNames.def(out, space.tags++);
                    out.space();
                }
                typeUseWithSignature(out, space, t.typeIndex(), -1);
            }
        }
    }

    static void globalType(Out out, CoreSpace space, GlobalType g) {
        if (!g.shared() && !g.mutable()) {
            valType(out, space, g.type());
            return;
        }
        out.text("(");
        if (g.shared()) {
            out.text("shared ");
        }
        if (g.mutable()) {
            out.text("mut ");
        }
        valType(out, space, g.type());
        out.text(")");
    }

    private static void limits(Out out, Limits limits) {
        out.text(Long.toUnsignedString(limits.min()));
        limits.max().ifPresent(max -> out.text(" " + Long.toUnsignedString(max)));
    }
}
