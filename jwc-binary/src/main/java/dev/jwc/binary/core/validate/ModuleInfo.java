package dev.jwc.binary.core.validate;

import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import java.util.List;
import java.util.Optional;

/**
 * The resolved view of a validated core module: its types and index spaces, and each import and export
 * with the type of the entity, as the component validator needs them.
 *
 * @param recGroups the recursion groups of the type section
 * @param types every defined type, in type-index order (the recursion groups flattened)
 * @param functions the type index of every function, imports first
 * @param tables every table type, imports first
 * @param memories every memory type, imports first
 * @param globals every global type, imports first
 * @param tags every tag type, imports first
 * @param imports the imports in order
 * @param exports the exports in order
 */
public record ModuleInfo(
        List<RecGroup> recGroups,
        List<SubType> types,
        List<Integer> functions,
        List<TableType> tables,
        List<MemoryType> memories,
        List<GlobalType> globals,
        List<TagType> tags,
        List<ImportInfo> imports,
        List<ExportInfo> exports) {

    public ModuleInfo {
        recGroups = List.copyOf(recGroups);
        types = List.copyOf(types);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        globals = List.copyOf(globals);
        tags = List.copyOf(tags);
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
    }

    /** An import with the type of the imported entity. */
    public record ImportInfo(String module, String name, EntityType type) {
    }

    /** An export with the kind, index and type of the exported entity. */
    public record ExportInfo(String name, ExternalKind kind, int index, EntityType type) {
    }

    /** The function type at {@code typeIndex}. */
    public FuncType funcType(int typeIndex) {
        if (types.get(typeIndex).composite() instanceof FuncType f) {
            return f;
        }
        throw new IllegalArgumentException("type " + typeIndex + " is not a function type");
    }

    /** The type of function {@code funcIndex} (imported or defined). */
    public FuncType functionType(int funcIndex) {
        return funcType(functions.get(funcIndex));
    }

    /** The function type of a function or tag entity; empty for tables, memories and globals. */
    public Optional<FuncType> funcTypeOf(EntityType type) {
        return switch (type) {
            case EntityType.Func f -> Optional.of(funcType(f.typeIndex()));
            case TagType t -> Optional.of(funcType(t.typeIndex()));
            case TableType t -> Optional.empty();
            case MemoryType m -> Optional.empty();
            case GlobalType g -> Optional.empty();
        };
    }

    public Optional<ExportInfo> export(String name) {
        return exports.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public CompositeType composite(int typeIndex) {
        return types.get(typeIndex).composite();
    }
}
