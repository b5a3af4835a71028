package dev.jwc.binary.core;

import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TagType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable core WebAssembly module, section by section. Index spaces start with the imports of
 * each kind, followed by the definitions: {@code functions} holds the type index of each defined
 * function and {@code code} their bodies, in the same order. {@code dataCount} is present when the
 * binary had a data count section. Custom sections carry their own placement.
 */
public record CoreModule(
        List<RecGroup> types,
        List<Import> imports,
        List<Integer> functions,
        List<Table> tables,
        List<MemoryType> memories,
        List<TagType> tags,
        List<Global> globals,
        List<Export> exports,
        OptionalInt start,
        List<ElementSegment> elements,
        OptionalInt dataCount,
        List<FunctionBody> code,
        List<DataSegment> data,
        List<CustomSection> customSections) {

    public static final CoreModule EMPTY = new CoreModule(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), OptionalInt.empty(), List.of(), OptionalInt.empty(), List.of(), List.of(),
            List.of());

    public CoreModule {
        types = List.copyOf(types);
        imports = List.copyOf(imports);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        tags = List.copyOf(tags);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        elements = List.copyOf(elements);
        code = List.copyOf(code);
        data = List.copyOf(data);
        customSections = List.copyOf(customSections);
    }

    /** All defined types in type-index order, flattening the recursion groups. */
    public List<SubType> subTypes() {
        List<SubType> all = new ArrayList<>();
        for (RecGroup group : types) {
            all.addAll(group.types());
        }
        return all;
    }

    /** The decoded {@code name} section, if the module has one that decoded. */
    public Optional<Names> names() {
        for (CustomSection section : customSections) {
            if (section instanceof NameSection names) {
                return Optional.of(names.names());
            }
        }
        return Optional.empty();
    }

    /** The number of imports of {@code kind}, which is where that index space's definitions start. */
    public int importCount(ExternalKind kind) {
        int n = 0;
        for (Import i : imports) {
            if (i.kind() == kind) {
                n++;
            }
        }
        return n;
    }
}
