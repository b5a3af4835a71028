package dev.jwc.binary.core;

import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TagType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Assembles a {@link CoreModule} item by item, for producers such as the text parser and tests. The
 * {@code add} methods return the new item's index within its own section (not its index space).
 */
public final class CoreModuleBuilder {
    private final List<RecGroup> types = new ArrayList<>();
    private int typeCount;
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functions = new ArrayList<>();
    private final List<FunctionBody> code = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<TagType> tags = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private OptionalInt start = OptionalInt.empty();
    private final List<ElementSegment> elements = new ArrayList<>();
    private OptionalInt dataCount = OptionalInt.empty();
    private final List<DataSegment> data = new ArrayList<>();
    private final List<CustomSection> customSections = new ArrayList<>();

    /** Adds a recursion group; returns the type index of its first type. */
    public int addRecGroup(RecGroup group) {
        types.add(group);
        int first = typeCount;
        typeCount += group.types().size();
        return first;
    }

    /** Adds a plain (final, no supertypes) type in its own implicit group; returns its type index. */
    public int addType(CompositeType type) {
        return addRecGroup(RecGroup.single(SubType.plain(type)));
    }

    public int addImport(Import i) {
        imports.add(i);
        return imports.size() - 1;
    }

    /** Adds a defined function: its type index and body. */
    public int addFunction(int typeIndex, FunctionBody body) {
        functions.add(typeIndex);
        code.add(body);
        return functions.size() - 1;
    }

    public int addTable(Table table) {
        tables.add(table);
        return tables.size() - 1;
    }

    public int addMemory(MemoryType memory) {
        memories.add(memory);
        return memories.size() - 1;
    }

    public int addTag(TagType tag) {
        tags.add(tag);
        return tags.size() - 1;
    }

    public int addGlobal(Global global) {
        globals.add(global);
        return globals.size() - 1;
    }

    public CoreModuleBuilder addExport(Export export) {
        exports.add(export);
        return this;
    }

    public CoreModuleBuilder start(int function) {
        start = OptionalInt.of(function);
        return this;
    }

    public int addElement(ElementSegment segment) {
        elements.add(segment);
        return elements.size() - 1;
    }

    /** Declares a data count section (needed by {@code memory.init} and {@code data.drop}). */
    public CoreModuleBuilder dataCount(int count) {
        dataCount = OptionalInt.of(count);
        return this;
    }

    public int addData(DataSegment segment) {
        data.add(segment);
        return data.size() - 1;
    }

    public CoreModuleBuilder addCustomSection(CustomSection section) {
        customSections.add(section);
        return this;
    }

    public CoreModule build() {
        return new CoreModule(types, imports, functions, tables, memories, tags, globals, exports, start, elements,
                dataCount, code, data, customSections);
    }
}
