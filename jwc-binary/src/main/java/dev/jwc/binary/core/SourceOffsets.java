package dev.jwc.binary.core;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where each item of a module was found in its binary: the absolute byte offset of every entry of
 * every section (recursion groups, imports, functions, ..., code bodies, data segments), for error
 * messages about items that the model itself does not locate. Offsets are -1 when unknown, as for
 * modules built in memory ({@link #NONE}).
 */
public final class SourceOffsets {
    public static final SourceOffsets NONE = new SourceOffsets(new EnumMap<>(SectionId.class), -1);

    private final Map<SectionId, long[]> items;
    private final long end;

    private SourceOffsets(Map<SectionId, long[]> items, long end) {
        this.items = items;
        this.end = end;
    }

    /**
     * The offset of entry {@code index} of {@code section} (for the start and data count sections,
     * index 0), or -1.
     */
    public long of(SectionId section, int index) {
        long[] offsets = items.get(section);
        return offsets != null && index >= 0 && index < offsets.length ? offsets[index] : -1;
    }

    /** The offset just past the module, or -1. */
    public long end() {
        return end;
    }

    /** Collects offsets while a module is read. */
    static final class Recorder {
        private final Map<SectionId, long[]> items = new EnumMap<>(SectionId.class);
        private final Map<SectionId, Integer> sizes = new EnumMap<>(SectionId.class);

        void add(SectionId section, long offset) {
            long[] offsets = items.computeIfAbsent(section, s -> new long[4]);
            int size = sizes.getOrDefault(section, 0);
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                items.put(section, offsets);
            }
            offsets[size] = offset;
            sizes.put(section, size + 1);
        }

        SourceOffsets finish(long end) {
            Map<SectionId, long[]> trimmed = new EnumMap<>(SectionId.class);
            items.forEach((section, offsets) -> trimmed.put(section, Arrays.copyOf(offsets, sizes.get(section))));
            return new SourceOffsets(trimmed, end);
        }
    }
}
