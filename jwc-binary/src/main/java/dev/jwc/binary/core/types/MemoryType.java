package dev.jwc.binary.core.types;

import java.util.OptionalInt;

/**
 * A memory type: limits in pages, {@code shared} (threads), 64-bit addressing (memory64) and an
 * optional custom page size given as its log2 (custom-page-sizes; absent means 64 KiB).
 */
public record MemoryType(Limits limits, boolean shared, boolean memory64, OptionalInt pageSizeLog2)
        implements EntityType {

    public static MemoryType of(Limits limits) {
        return new MemoryType(limits, false, false, OptionalInt.empty());
    }

    /** The address type: {@code i64} for 64-bit memories. */
    public NumType indexType() {
        return memory64 ? NumType.I64 : NumType.I32;
    }

    public int effectivePageSizeLog2() {
        return pageSizeLog2.orElse(16);
    }
}
