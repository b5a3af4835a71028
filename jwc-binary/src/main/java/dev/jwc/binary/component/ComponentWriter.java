package dev.jwc.binary.component;

import dev.jwc.binary.io.ByteWriter;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Encodes a {@link Component} in the binary format. Canonically encoded input (minimal LEB128, one
 * section per run as written) comes back byte for byte: the model keeps every encoding choice that the
 * grammar leaves open (name prefixes, abbreviated core types, section boundaries).
 */
public final class ComponentWriter {
    private ComponentWriter() {
    }

    public static byte[] write(WasmBinary binary) {
        return switch (binary) {
            case Component c -> write(c);
            case CoreModuleBinary m -> m.bytes();
        };
    }

    public static byte[] write(Component component) {
        ByteWriter w = new ByteWriter();
        component(w, component);
        return w.toByteArray();
    }

    private static void component(ByteWriter w, Component component) {
        w.bytes(Preamble.COMPONENT.bytes());
        for (Section section : component.sections()) {
            ByteWriter body = new ByteWriter();
            section(body, section);
            w.u8(section.id()).sized(body);
        }
    }

    private static void section(ByteWriter w, Section section) {
        switch (section) {
            case Section.Custom c -> w.name(c.name()).bytes(c.data());
            case Section.CoreModule m -> w.bytes(m.module().bytes());
            case Section.CoreInstances s -> items(w, s.instances(), ComponentWriter::coreInstance);
            case Section.CoreTypes s -> items(w, s.types(), CoreTypeWriter::componentCoreType);
            case Section.NestedComponent n -> component(w, n.component());
            case Section.Instances s -> items(w, s.instances(), ComponentWriter::instance);
            case Section.Aliases s -> items(w, s.aliases(), TypeWriter::alias);
            case Section.Types s -> items(w, s.types(), TypeWriter::typeDef);
            case Section.Canons s -> items(w, s.canons(), CanonWriter::canon);
            case Section.Start s -> {
                w.u32(s.func()).u32(s.args().size());
                s.args().forEach(w::u32);
                w.u32(s.results());
            }
            case Section.Imports s -> items(w, s.imports(), (out, i) -> {
                TypeWriter.externName(out, i.name());
                TypeWriter.externType(out, i.type());
            });
            case Section.Exports s -> items(w, s.exports(), ComponentWriter::export);
            case Section.Values s -> items(w, s.values(), (out, v) -> {
                TypeWriter.valType(out, v.type());
                byte[] encoded = v.encoded();
                out.u32(encoded.length).bytes(encoded);
            });
        }
    }

    private static <T> void items(ByteWriter w, List<T> items, BiConsumer<ByteWriter, T> item) {
        w.u32(items.size());
        items.forEach(i -> item.accept(w, i));
    }

    private static void coreInstance(ByteWriter w, CoreInstance instance) {
        switch (instance) {
            case CoreInstance.Instantiate i -> items(w.u8(0x00).u32(i.module()), i.args(),
                    (out, a) -> out.name(a.name()).u8(CoreSort.INSTANCE.code()).u32(a.instance()));
            case CoreInstance.FromExports e -> items(w.u8(0x01), e.exports(),
                    (out, x) -> out.name(x.name()).u8(x.sort().code()).u32(x.index()));
        }
    }

    private static void instance(ByteWriter w, Instance instance) {
        switch (instance) {
            case Instance.Instantiate i -> items(w.u8(0x00).u32(i.component()), i.args(), (out, a) -> {
                out.name(a.name());
                TypeWriter.sort(out, a.sort());
                out.u32(a.index());
            });
            case Instance.FromExports e -> items(w.u8(0x01), e.exports(), (out, x) -> {
                TypeWriter.externName(out, x.name());
                TypeWriter.sort(out, x.sort());
                out.u32(x.index());
            });
        }
    }

    private static void export(ByteWriter w, Export export) {
        TypeWriter.externName(w, export.name());
        TypeWriter.sort(w, export.sort());
        w.u32(export.index());
        if (export.ascribed().isPresent()) {
            TypeWriter.externType(w.u8(0x01), export.ascribed().get());
        } else {
            w.u8(0x00);
        }
    }
}
