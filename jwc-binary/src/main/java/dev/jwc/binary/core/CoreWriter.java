package dev.jwc.binary.core;

import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.io.ByteWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Encodes a {@link CoreModule} as a binary: sections in the required order, empty ones left out,
 * custom sections back where they were, and the shortest encodings (so canonically encoded input is
 * reproduced byte for byte).
 */
public final class CoreWriter {
    private CoreWriter() {
    }

    public static byte[] write(CoreModule module) {
        ByteWriter out = new ByteWriter();
        write(out, module);
        return out.toByteArray();
    }

    /** Appends the module, header included, to {@code out}. */
    public static void write(ByteWriter out, CoreModule module) {
        out.u8(0x00).u8(0x61).u8(0x73).u8(0x6D).u8(1).u8(0).u8(0).u8(0);
        customs(out, module, Optional.empty());
        for (SectionId id : sectionsInOrder()) {
            section(out, module, id);
            customs(out, module, Optional.of(id));
        }
    }

    private static List<SectionId> sectionsInOrder() {
        return Arrays.stream(SectionId.values())
                .filter(s -> s != SectionId.CUSTOM)
                .sorted(Comparator.comparingInt(SectionId::order))
                .toList();
    }

    private static void customs(ByteWriter out, CoreModule module, Optional<SectionId> after) {
        for (CustomSection custom : module.customSections()) {
            if (custom.after().equals(after)) {
                ByteWriter content = new ByteWriter().name(custom.name());
                switch (custom) {
                    case CustomSection.Raw raw -> content.bytes(raw.data());
                    case NameSection names -> writeNames(content, names.names());
                }
                out.u8(SectionId.CUSTOM.id()).sized(content);
            }
        }
    }

    private static void section(ByteWriter out, CoreModule m, SectionId id) {
        ByteWriter s = new ByteWriter();
        switch (id) {
            case CUSTOM -> throw new IllegalStateException("custom sections are written apart");
            case TYPE -> {
                if (m.types().isEmpty()) {
                    return;
                }
                vector(s, m.types(), CoreTypeWriter::recGroup);
            }
            case IMPORT -> {
                if (m.imports().isEmpty()) {
                    return;
                }
                vector(s, m.imports(), (w, i) -> {
                    w.name(i.module()).name(i.name());
                    CoreTypeWriter.entityType(w, i.type());
                });
            }
            case FUNCTION -> {
                if (m.functions().isEmpty()) {
                    return;
                }
                vector(s, m.functions(), ByteWriter::u32);
            }
            case TABLE -> {
                if (m.tables().isEmpty()) {
                    return;
                }
                vector(s, m.tables(), (w, t) -> {
                    if (t.init().isPresent()) {
                        w.u8(0x40).u8(0x00);
                        CoreTypeWriter.tableType(w, t.type());
                        ExpressionWriter.write(w, t.init().get());
                    } else {
                        CoreTypeWriter.tableType(w, t.type());
                    }
                });
            }
            case MEMORY -> {
                if (m.memories().isEmpty()) {
                    return;
                }
                vector(s, m.memories(), CoreTypeWriter::memoryType);
            }
            case TAG -> {
                if (m.tags().isEmpty()) {
                    return;
                }
                vector(s, m.tags(), CoreTypeWriter::tagType);
            }
            case GLOBAL -> {
                if (m.globals().isEmpty()) {
                    return;
                }
                vector(s, m.globals(), (w, g) -> {
                    CoreTypeWriter.globalType(w, g.type());
                    ExpressionWriter.write(w, g.init());
                });
            }
            case EXPORT -> {
                if (m.exports().isEmpty()) {
                    return;
                }
                vector(s, m.exports(), (w, e) -> w.name(e.name()).u8(e.kind().code()).u32(e.index()));
            }
            case START -> {
                if (m.start().isEmpty()) {
                    return;
                }
                s.u32(m.start().getAsInt());
            }
            case ELEMENT -> {
                if (m.elements().isEmpty()) {
                    return;
                }
                vector(s, m.elements(), CoreWriter::element);
            }
            case DATA_COUNT -> {
                if (m.dataCount().isEmpty()) {
                    return;
                }
                s.u32(m.dataCount().getAsInt());
            }
            case CODE -> {
                if (m.code().isEmpty()) {
                    return;
                }
                vector(s, m.code(), (w, body) -> {
                    ByteWriter b = new ByteWriter();
                    vector(b, body.locals(), (lw, l) -> {
                        lw.u32(l.count());
                        CoreTypeWriter.valType(lw, l.type());
                    });
                    ExpressionWriter.write(b, body.body());
                    w.sized(b);
                });
            }
            case DATA -> {
                if (m.data().isEmpty()) {
                    return;
                }
                vector(s, m.data(), CoreWriter::dataSegment);
            }
        }
        out.u8(id.id()).sized(s);
    }

    private static void element(ByteWriter w, ElementSegment e) {
        boolean expressions = e.items() instanceof ElementSegment.Expressions;
        boolean implicitFuncref = e.items().type().equals(RefType.FUNCREF);
        int flags = expressions ? 0x04 : 0;
        switch (e.mode()) {
            case ElementSegment.Passive p -> flags |= 0x01;
            case ElementSegment.Declarative d -> flags |= 0x03;
            case ElementSegment.Active a -> {
                if (a.table().isPresent() || !implicitFuncref) {
                    flags |= 0x02;
                }
            }
        }
        w.u32(flags);
        if (e.mode() instanceof ElementSegment.Active a) {
            if ((flags & 0x02) != 0) {
                w.u32(a.tableIndex());
            }
            ExpressionWriter.write(w, a.offset());
        }
        boolean typed = (flags & 0x03) != 0;
        switch (e.items()) {
            case ElementSegment.Functions f -> {
                if (typed) {
                    w.u8(0x00);
                }
                vector(w, f.indices(), ByteWriter::u32);
            }
            case ElementSegment.Expressions x -> {
                if (typed) {
                    CoreTypeWriter.refType(w, x.type());
                }
                vector(w, x.expressions(), ExpressionWriter::write);
            }
        }
    }

    private static void dataSegment(ByteWriter w, DataSegment d) {
        switch (d.mode()) {
            case DataSegment.Passive p -> w.u32(1);
            case DataSegment.Active a -> {
                if (a.memory() == 0) {
                    w.u32(0);
                } else {
                    w.u32(2).u32(a.memory());
                }
                ExpressionWriter.write(w, a.offset());
            }
        }
        byte[] bytes = d.bytes();
        w.u32(bytes.length).bytes(bytes);
    }

    private static void writeNames(ByteWriter out, Names names) {
        names.module().ifPresent(n -> subsection(out, 0, new ByteWriter().name(n)));
        nameMap(out, 1, names.functions());
        indirectNameMap(out, 2, names.locals());
        indirectNameMap(out, 3, names.labels());
        nameMap(out, 4, names.types());
        nameMap(out, 5, names.tables());
        nameMap(out, 6, names.memories());
        nameMap(out, 7, names.globals());
        nameMap(out, 8, names.elements());
        nameMap(out, 9, names.data());
        indirectNameMap(out, 10, names.fields());
        nameMap(out, 11, names.tags());
    }

    private static void nameMap(ByteWriter out, int id, Map<Integer, String> map) {
        if (!map.isEmpty()) {
            subsection(out, id, encodeNameMap(new ByteWriter(), map));
        }
    }

    private static ByteWriter encodeNameMap(ByteWriter w, Map<Integer, String> map) {
        w.u32(map.size());
        map.forEach((index, name) -> w.u32(index).name(name));
        return w;
    }

    private static void indirectNameMap(ByteWriter out, int id, Map<Integer, Map<Integer, String>> map) {
        if (!map.isEmpty()) {
            ByteWriter w = new ByteWriter().u32(map.size());
            map.forEach((index, inner) -> encodeNameMap(w.u32(index), inner));
            subsection(out, id, w);
        }
    }

    private static void subsection(ByteWriter out, int id, ByteWriter content) {
        out.u8(id).sized(content);
    }

    private static <T> void vector(ByteWriter w, List<T> items, BiConsumer<ByteWriter, T> item) {
        w.u32(items.size());
        for (T t : items) {
            item.accept(w, t);
        }
    }
}
