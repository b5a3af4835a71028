package dev.jwc.binary.core;

import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.binary.core.types.ValType;
import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes a core WebAssembly module into a {@link CoreModule}. Malformed input raises a
 * {@link DecodeException} with the absolute byte offset of the problem.
 */
public final class CoreReader {
    /** wasmparser's limit on the locals of one function. */
    static final long MAX_LOCALS = 50_000;

    private final List<RecGroup> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functions = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<TagType> tags = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private OptionalInt start = OptionalInt.empty();
    private final List<ElementSegment> elements = new ArrayList<>();
    private OptionalInt dataCount = OptionalInt.empty();
    private final List<FunctionBody> code = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private final List<CustomSection> customs = new ArrayList<>();
    private final SourceOffsets.Recorder offsets = new SourceOffsets.Recorder();
    private SectionId last;
    private boolean sawFunctionSection;
    private boolean sawCodeSection;
    private boolean sawDataSection;

    private CoreReader() {
    }

    /** Reads a whole binary that must be one core module. */
    public static CoreModule read(byte[] bytes) {
        return read(new ByteReader(bytes));
    }

    /**
     * Reads a core module that fills the rest of {@code in}, for example a slice of a component's
     * core module section; offsets in errors stay absolute.
     */
    public static CoreModule read(ByteReader in) {
        return readWithOffsets(in).module();
    }

    /** A module and the offsets of its items, for validation messages that point into the binary. */
    public record Located(CoreModule module, SourceOffsets offsets) {
    }

    /** As {@link #read(ByteReader)}, also keeping where each item was found. */
    public static Located readWithOffsets(ByteReader in) {
        readHeader(in);
        CoreReader reader = new CoreReader();
        CoreModule module = reader.readSections(in);
        return new Located(module, reader.offsets.finish(in.offset()));
    }

    static void readHeader(ByteReader in) {
        long start = in.offset();
        if (in.remaining() < 4 || in.u8() != 0x00 || in.u8() != 0x61 || in.u8() != 0x73 || in.u8() != 0x6D) {
            throw in.errorAt("magic header not detected", start);
        }
        long versionAt = in.offset();
        if (in.remaining() < 4) {
            throw in.errorAt("unexpected end-of-file: no version", versionAt);
        }
        int version = in.u8() | in.u8() << 8;
        int layer = in.u8() | in.u8() << 8;
        if (layer != 0) {
            throw in.errorAt("expected a core module, found a component (layer " + layer + ")", versionAt);
        }
        if (version != 1) {
            throw in.errorAt("unknown binary version: 0x" + Integer.toHexString(version), versionAt);
        }
    }

    private CoreModule readSections(ByteReader in) {
        while (!in.atEnd()) {
            long sectionStart = in.offset();
            int id = in.u8();
            SectionId section = SectionId.fromId(id);
            if (section == null) {
                throw in.errorAt("malformed section id: " + id, sectionStart);
            }
            long sizeAt = in.offset();
            int size = in.u32();
            if (Integer.compareUnsigned(size, in.remaining()) > 0) {
                throw in.errorAt("unexpected end-of-file: section size " + Integer.toUnsignedString(size)
                        + " exceeds the remaining " + in.remaining() + " bytes", sizeAt);
            }
            ByteReader body = in.slice(size);
            if (section == SectionId.CUSTOM) {
                customs.add(CustomSectionReader.read(body, Optional.ofNullable(last)));
                continue;
            }
            if (last != null && section.order() <= last.order()) {
                throw in.errorAt(section == last ? "section out of order: duplicate " + section.text() + " section"
                        : "section out of order", sectionStart);
            }
            last = section;
            readSection(section, body);
            if (!body.atEnd()) {
                throw body.error("section size mismatch: unexpected data at the end of the section");
            }
        }
        if (sawFunctionSection != sawCodeSection && !functions.isEmpty()) {
            throw in.error("function and code section have inconsistent lengths");
        }
        if (dataCount.isPresent() && !sawDataSection && dataCount.getAsInt() != 0) {
            throw in.error("data count and data section have inconsistent lengths");
        }
        return new CoreModule(types, imports, functions, tables, memories, tags, globals, exports, start,
                elements, dataCount, code, data, customs);
    }

    private void readSection(SectionId section, ByteReader in) {
        switch (section) {
            case CUSTOM -> throw new IllegalStateException("custom sections are read apart");
            case TYPE -> vector(in, section, () -> types.add(CoreTypeReader.recGroup(in)));
            case IMPORT -> vector(in, section,
                    () -> imports.add(new Import(in.name(), in.name(), CoreTypeReader.entityType(in))));
            case FUNCTION -> {
                sawFunctionSection = true;
                vector(in, section, () -> functions.add(in.u32()));
            }
            case TABLE -> vector(in, section, () -> tables.add(table(in)));
            case MEMORY -> vector(in, section, () -> memories.add(CoreTypeReader.memoryType(in)));
            case TAG -> vector(in, section, () -> tags.add(CoreTypeReader.tagType(in)));
            case GLOBAL -> vector(in, section, () -> {
                GlobalType type = CoreTypeReader.globalType(in);
                globals.add(new Global(type, ExpressionReader.read(in)));
            });
            case EXPORT -> vector(in, section, () -> exports.add(export(in)));
            case START -> {
                offsets.add(section, in.offset());
                start = OptionalInt.of(in.u32());
            }
            case ELEMENT -> vector(in, section, () -> elements.add(element(in)));
            case DATA_COUNT -> {
                offsets.add(section, in.offset());
                dataCount = OptionalInt.of(in.u32());
            }
            case CODE -> {
                sawCodeSection = true;
                long countAt = in.offset();
                int n = in.count();
                if (n != functions.size()) {
                    throw in.errorAt("function and code section have inconsistent lengths", countAt);
                }
                for (int i = 0; i < n; i++) {
                    offsets.add(section, in.offset());
                    code.add(functionBody(in));
                }
            }
            case DATA -> {
                sawDataSection = true;
                long countAt = in.offset();
                int n = in.count();
                if (dataCount.isPresent() && dataCount.getAsInt() != n) {
                    throw in.errorAt("data count and data section have inconsistent lengths", countAt);
                }
                for (int i = 0; i < n; i++) {
                    offsets.add(section, in.offset());
                    data.add(dataSegment(in));
                }
            }
        }
    }

    private void vector(ByteReader in, SectionId section, Runnable item) {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            offsets.add(section, in.offset());
            item.run();
        }
    }

    private static Table table(ByteReader in) {
        if (in.peekU8() == 0x40) {
            in.u8();
            long at = in.offset();
            if (in.u8() != 0x00) {
                throw in.errorAt("malformed table: expected 0x00 after 0x40", at);
            }
            TableType type = CoreTypeReader.tableType(in);
            return new Table(type, Optional.of(ExpressionReader.read(in)));
        }
        return new Table(CoreTypeReader.tableType(in), Optional.empty());
    }

    private static Export export(ByteReader in) {
        String name = in.name();
        long at = in.offset();
        int kindCode = in.u8();
        ExternalKind kind = ExternalKind.fromCode(kindCode);
        if (kind == null) {
            throw in.errorAt("malformed export kind: invalid leading byte (0x" + Integer.toHexString(kindCode)
                    + ") for external kind", at);
        }
        return new Export(name, kind, in.u32());
    }

    private static ElementSegment element(ByteReader in) {
        long at = in.offset();
        int flags = in.u32();
        if (Integer.compareUnsigned(flags, 7) > 0) {
            throw in.errorAt("malformed elements segment kind: invalid flags byte in element segment", at);
        }
        boolean passiveOrDeclarative = (flags & 0x01) != 0;
        boolean explicitTable = (flags & 0x02) != 0;
        boolean expressions = (flags & 0x04) != 0;
        ElementSegment.Mode mode;
        if (passiveOrDeclarative) {
            mode = explicitTable ? new ElementSegment.Declarative() : new ElementSegment.Passive();
        } else {
            OptionalInt table = explicitTable ? OptionalInt.of(in.u32()) : OptionalInt.empty();
            mode = new ElementSegment.Active(table, ExpressionReader.read(in));
        }
        boolean typed = passiveOrDeclarative || explicitTable;
        if (expressions) {
            var type = typed ? CoreTypeReader.refType(in) : RefType.FUNCREF;
            int n = in.count();
            List<Expression> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(ExpressionReader.read(in));
            }
            return new ElementSegment(mode, new ElementSegment.Expressions(type, items));
        }
        if (typed) {
            long kindAt = in.offset();
            if (in.u8() != 0x00) {
                throw in.errorAt("malformed element kind", kindAt);
            }
        }
        int n = in.count();
        List<Integer> indices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indices.add(in.u32());
        }
        return new ElementSegment(mode, new ElementSegment.Functions(indices));
    }

    private static FunctionBody functionBody(ByteReader in) {
        long sizeAt = in.offset();
        int size = in.u32();
        if (Integer.compareUnsigned(size, in.remaining()) > 0) {
            throw in.errorAt("unexpected end-of-file: function body size exceeds the section", sizeAt);
        }
        ByteReader body = in.slice(size);
        int groups = body.count();
        List<Locals> locals = new ArrayList<>(groups);
        long total = 0;
        for (int i = 0; i < groups; i++) {
            long at = body.offset();
            int count = body.u32();
            total += Integer.toUnsignedLong(count);
            if (total > MAX_LOCALS) {
                throw body.errorAt("too many locals: locals exceed maximum", at);
            }
            ValType type = CoreTypeReader.valType(body);
            locals.add(new Locals(count, type));
        }
        Expression expression = ExpressionReader.read(body);
        if (!body.atEnd()) {
            throw body.error("operators remaining after end of function");
        }
        return new FunctionBody(locals, expression);
    }

    private static DataSegment dataSegment(ByteReader in) {
        long at = in.offset();
        int flags = in.u32();
        DataSegment.Mode mode = switch (flags) {
            case 0 -> new DataSegment.Active(0, ExpressionReader.read(in));
            case 1 -> new DataSegment.Passive();
            case 2 -> {
                int memory = in.u32();
                yield new DataSegment.Active(memory, ExpressionReader.read(in));
            }
            default -> throw in.errorAt("malformed data segment kind: invalid flags byte in data segment", at);
        };
        int length = in.count();
        return new DataSegment(mode, in.bytes(length));
    }
}
