package dev.jwc.binary.component;

import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.ByteWriter;
import dev.jwc.binary.io.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code component-name} custom section (Binary.md, "Name Section"): the component's own name and
 * names for items of each sort. Like the core name section it is advisory: {@link #decode} returns
 * empty for a malformed section rather than rejecting the component.
 */
public record ComponentNames(Optional<String> component, List<SortNames> sorts) {
    public static final String SECTION_NAME = "component-name";

    public ComponentNames {
        sorts = List.copyOf(sorts);
    }

    /** The names of one sort's index space, in the order the section lists them. */
    public record SortNames(Sort sort, List<Naming> names) {
        public SortNames {
            names = List.copyOf(names);
        }
    }

    /** One {@code nameassoc}: index to name. */
    public record Naming(int index, String name) {
    }

    /** The name given to item {@code index} of {@code sort}, if any. */
    public Optional<String> nameOf(Sort sort, int index) {
        for (SortNames s : sorts) {
            if (s.sort().equals(sort)) {
                for (Naming n : s.names()) {
                    if (n.index() == index) {
                        return Optional.of(n.name());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The names of the first {@code component-name} section of {@code component}, if it decodes. */
    public static Optional<ComponentNames> of(Component component) {
        for (Section section : component.sections()) {
            if (section instanceof Section.Custom custom && custom.name().equals(SECTION_NAME)) {
                return decode(custom);
            }
        }
        return Optional.empty();
    }

    /** Decodes a {@code component-name} section; empty if it is another section or malformed. */
    public static Optional<ComponentNames> decode(Section.Custom section) {
        if (!section.name().equals(SECTION_NAME)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(new ByteReader(section.data())));
        } catch (DecodeException malformed) {
            // Validity of this section is not required (Binary.md): a malformed one names nothing.
            return Optional.empty();
        }
    }

    private static ComponentNames read(ByteReader r) {
        Optional<String> component = Optional.empty();
        List<SortNames> sorts = new ArrayList<>();
        while (!r.atEnd()) {
            int id = r.u8();
            ByteReader sub = r.slice(r.u32());
            switch (id) {
                case 0 -> component = Optional.of(sub.name());
                case 1 -> sorts.add(new SortNames(sort(sub),
                        Decode.vec(sub, in -> new Naming(in.u32(), in.name()))));
                default -> {
                    // Unknown subsections are skipped, as for core name sections.
                }
            }
        }
        return new ComponentNames(component, sorts);
    }

    /** Any {@code sort} of Binary.md: {@code 0x00 core:sort} or a component sort. */
    private static Sort sort(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        Sort sort = b == 0x00 ? CoreSort.fromCode(r.u8()) : ComponentSort.fromCode(b);
        if (sort == null) {
            throw Decode.invalid(r, at, b, "sort");
        }
        return sort;
    }

    /** Encodes these names as a {@code component-name} custom section. */
    public Section.Custom encode() {
        ByteWriter w = new ByteWriter();
        component.ifPresent(name -> w.u8(0).sized(new ByteWriter().name(name)));
        for (SortNames s : sorts) {
            ByteWriter sub = new ByteWriter();
            TypeWriter.sort(sub, s.sort());
            sub.u32(s.names().size());
            s.names().forEach(n -> sub.u32(n.index()).name(n.name()));
            w.u8(1).sized(sub);
        }
        return new Section.Custom(SECTION_NAME, w.toByteArray());
    }
}
