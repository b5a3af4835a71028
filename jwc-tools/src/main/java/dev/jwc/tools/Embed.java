package dev.jwc.tools;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.SectionId;
import dev.jwc.binary.core.CustomSection;
import dev.jwc.binary.component.Section;
import dev.jwc.witcomponent.WitEncoding;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WorldId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code component embed}: a core module gains the {@code component-type} custom section of a world. */
public final class Embed {
    private Embed() {}

    /** {@code module} with the world's {@code component-type:<world>} section appended (after every section). */
    public static CoreModule embed(CoreModule module, Resolve resolve, WorldId world,
                                   WitEncoding.StringEncoding encoding) {
        Section.Custom section = WitEncoding.componentTypeSection(resolve, world, encoding);
        List<CustomSection> customs = new ArrayList<>(module.customSections());
        customs.add(new CustomSection.Raw(section.name(), section.data(), lastSection(module)));
        return new CoreModule(module.types(), module.imports(), module.functions(), module.tables(),
                module.memories(), module.tags(), module.globals(), module.exports(), module.start(),
                module.elements(), module.dataCount(), module.code(), module.data(), customs);
    }

    /** A core module implementing {@code world} with {@code unreachable} bodies (see {@link DummyModule}). */
    public static CoreModule dummy(Resolve resolve, WorldId world) {
        return DummyModule.of(resolve, world);
    }

    private static Optional<SectionId> lastSection(CoreModule m) {
        SectionId last = null;
        for (SectionId id : SectionId.values()) {
            if (present(m, id)) {
                last = id;
            }
        }
        return Optional.ofNullable(last);
    }

    private static boolean present(CoreModule m, SectionId id) {
        return switch (id) {
            case CUSTOM -> false;
            case TYPE -> !m.types().isEmpty();
            case IMPORT -> !m.imports().isEmpty();
            case FUNCTION -> !m.functions().isEmpty();
            case TABLE -> !m.tables().isEmpty();
            case MEMORY -> !m.memories().isEmpty();
            case TAG -> !m.tags().isEmpty();
            case GLOBAL -> !m.globals().isEmpty();
            case EXPORT -> !m.exports().isEmpty();
            case START -> m.start().isPresent();
            case ELEMENT -> !m.elements().isEmpty();
            case DATA_COUNT -> m.dataCount().isPresent();
            case CODE -> !m.code().isEmpty();
            case DATA -> !m.data().isEmpty();
        };
    }
}
