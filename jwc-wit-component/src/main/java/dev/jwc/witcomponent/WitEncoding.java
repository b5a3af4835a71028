package dev.jwc.witcomponent;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.io.ByteWriter;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Encodes WIT as a component, as wit-component does: a package as one exported component type per interface
 * and per world (the current, "v2" package encoding), a world as the {@code component-type} custom section that
 * bindings generators embed in core modules.
 */
public final class WitEncoding {
    /** The producers tool name written into encoded binaries. */
    public static final String PRODUCER = "jwc";

    private WitEncoding() {}

    /** Package {@code pkg} of {@code resolve} as a component (a binary WIT package). */
    public static Component encodePackage(Resolve resolve, PackageId pkg) {
        WitPackage p = resolve.get(pkg);
        List<Section> sections = new ArrayList<>();
        int types = 0;
        for (var e : p.interfaces().entrySet()) {
            types = exportType(sections, types, e.getKey(), Encoder.interfaceType(resolve, e.getValue()));
        }
        for (var e : p.worlds().entrySet()) {
            types = exportType(sections, types, e.getKey(), worldWrapper(resolve, e.getValue()));
        }
        sections.add(PackageMetadata.section(resolve, pkg));
        sections.add(producers());
        return new Component(sections);
    }

    /** {@link #encodePackage} as bytes. */
    public static byte[] encodePackageBytes(Resolve resolve, PackageId pkg) {
        return ComponentWriter.write(encodePackage(resolve, pkg));
    }

    /** The string encoding a core module's bindings use, recorded in the {@code component-type} section. */
    public enum StringEncoding {
        UTF8, UTF16, COMPACT_UTF16
    }

    /**
     * The {@code component-type:<world>} custom section describing {@code world}: a component exporting the
     * world's wrapped component type under the world's name, with a {@code wit-component-encoding} section
     * (version byte, string encoding byte), the package docs and a producers section.
     */
    public static Section.Custom componentTypeSection(Resolve resolve, WorldId world, StringEncoding encoding) {
        World w = resolve.get(world);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section.Custom(ComponentTypeSection.ENCODING_SECTION,
                new byte[] {ComponentTypeSection.VERSION, (byte) encoding.ordinal()}));
        exportType(sections, 0, w.name(), worldWrapper(resolve, world));
        sections.add(PackageMetadata.section(resolve, w.pkg().orElseThrow()));
        sections.add(producers());
        return new Section.Custom(ComponentTypeSection.PREFIX + w.name(),
                ComponentWriter.write(new Component(sections)));
    }

    private static int exportType(List<Section> sections, int types, String name, ComponentType type) {
        sections.add(new Section.Types(List.of(type)));
        sections.add(new Section.Exports(List.of(new Export(ExternName.of(name), ComponentSort.TYPE, types,
                Optional.empty()))));
        return types + 2;
    }

    /** {@code (component (type (component world...)) (export "ns:pkg/world" (component (type 0))))}. */
    private static ComponentType worldWrapper(Resolve resolve, WorldId world) {
        World w = resolve.get(world);
        String id = resolve.get(w.pkg().orElseThrow()).name().interfaceId(w.name());
        return new ComponentType(List.of(new InstanceDecl.TypeDecl(Encoder.worldType(resolve, world)),
                new InstanceDecl.ExportDecl(ExternName.of(id), new ExternType.Component(0))));
    }

    /** A {@code producers} section naming this tool under {@code processed-by}. */
    private static Section.Custom producers() {
        String version = Optional.ofNullable(WitEncoding.class.getPackage().getImplementationVersion())
                .orElse("0.1.0");
        ByteWriter w = new ByteWriter();
        w.u32(1).name("processed-by").u32(1).name(PRODUCER).name(version);
        return new Section.Custom("producers", w.toByteArray());
    }
}
