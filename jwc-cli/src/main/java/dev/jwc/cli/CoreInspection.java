package dev.jwc.cli;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.Table;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The imports and exports of a validated core module with their types in the text format's notation:
 * {@code func (param i32) (result i64)}, {@code memory 1 2}, {@code table 0 funcref}, {@code global (mut i32)},
 * {@code tag (param i32)}.
 */
final class CoreInspection {
    private final CoreModule module;
    private final List<SubType> types;

    private CoreInspection(CoreModule module) {
        this.module = module;
        this.types = module.subTypes();
    }

    static String render(CoreModule module) {
        return new CoreInspection(module).render();
    }

    private String render() {
        var out = new StringBuilder("core module\n");
        out.append("  imports:").append(module.imports().isEmpty() ? " (none)\n" : "\n");
        for (Import i : module.imports()) {
            out.append("    ").append(quote(i.module())).append(' ').append(quote(i.name())).append(": ")
                    .append(entity(i.type())).append('\n');
        }
        out.append("  exports:").append(module.exports().isEmpty() ? " (none)\n" : "\n");
        for (Export e : module.exports()) {
            out.append("    ").append(quote(e.name())).append(": ").append(entity(exported(e))).append('\n');
        }
        return out.toString();
    }

    /** The type of an export: its index space is the imports of its kind, then the module's own definitions. */
    private EntityType exported(Export e) {
        List<EntityType> space = new ArrayList<>();
        for (Import i : module.imports()) {
            if (i.kind() == e.kind()) {
                space.add(i.type());
            }
        }
        switch (e.kind()) {
            case FUNC -> module.functions().forEach(t -> space.add(new EntityType.Func(t)));
            case TABLE -> module.tables().stream().map(Table::type).forEach(space::add);
            case MEMORY -> space.addAll(module.memories());
            case GLOBAL -> module.globals().forEach(g -> space.add(g.type()));
            case TAG -> space.addAll(module.tags());
        }
        return space.get(e.index());
    }

    private String entity(EntityType type) {
        return switch (type) {
            case EntityType.Func(int index) -> "func" + signature(index);
            case TableType t -> "table" + (t.table64() ? " i64" : "") + limits(t.limits()) + " " + t.element().text();
            case MemoryType m -> "memory" + (m.memory64() ? " i64" : "") + limits(m.limits())
                    + (m.shared() ? " shared" : "")
                    + (m.pageSizeLog2().isPresent() ? " (pagesize " + (1L << m.pageSizeLog2().getAsInt()) + ")" : "");
            case GlobalType g -> "global " + (g.mutable() ? "(mut " + g.type().text() + ")" : g.type().text());
            case TagType(int index) -> "tag" + signature(index);
        };
    }

    /** {@code " (param i32 i32) (result i32)"}, or the type index when it is not a function type. */
    private String signature(int typeIndex) {
        if (!(types.get(typeIndex).composite() instanceof FuncType f)) {
            return " (type " + typeIndex + ")";
        }
        return (f.params().isEmpty() ? "" : " (param " + texts(f.params()) + ")")
                + (f.results().isEmpty() ? "" : " (result " + texts(f.results()) + ")");
    }

    private static String texts(List<ValType> types) {
        return types.stream().map(ValType::text).collect(Collectors.joining(" "));
    }

    private static String limits(Limits limits) {
        return " " + Long.toUnsignedString(limits.min())
                + (limits.max().isPresent() ? " " + Long.toUnsignedString(limits.max().getAsLong()) : "");
    }

    private static String quote(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
