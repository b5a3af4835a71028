package dev.jwc.binary.component;

import java.util.List;

/**
 * Where the sections and items of a decoded {@link Component} were in the binary, as absolute byte
 * offsets, so that the validator can report precise positions. Kept beside the model rather than in it:
 * two components are equal whatever bytes they came from. Components built in memory use
 * {@link #UNKNOWN}, for which every offset is -1.
 *
 * @param sections one entry per section of the component, in the same order
 */
public record ComponentOffsets(List<SectionOffsets> sections) {
    public static final ComponentOffsets UNKNOWN = new ComponentOffsets(List.of());

    public ComponentOffsets {
        sections = List.copyOf(sections);
    }

    /**
     * @param start  the offset of the section's contents (just after its size)
     * @param items  the offset of each item of a vector section; the start section's single item
     * @param nested the offsets inside a nested component section, else {@link #UNKNOWN}
     */
    public record SectionOffsets(long start, List<Long> items, ComponentOffsets nested) {
        public SectionOffsets {
            items = List.copyOf(items);
        }
    }

    /** The offset of the contents of section {@code section}, or -1 when unknown. */
    public long section(int section) {
        return section < sections.size() ? sections.get(section).start() : -1;
    }

    /** The offset of item {@code item} of section {@code section}, or -1 when unknown. */
    public long item(int section, int item) {
        if (section >= sections.size()) {
            return -1;
        }
        List<Long> items = sections.get(section).items();
        return item < items.size() ? items.get(item) : -1;
    }

    /** The offsets inside the component of nested-component section {@code section}. */
    public ComponentOffsets nested(int section) {
        return section < sections.size() ? sections.get(section).nested() : UNKNOWN;
    }
}
