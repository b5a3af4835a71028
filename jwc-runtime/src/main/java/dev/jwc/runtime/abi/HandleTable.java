package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;
import java.util.ArrayList;
import java.util.List;

/**
 * A component instance's handle table (CanonicalABI.md {@code Table}): index 0 is never used, freed
 * slots are reused last-in first-out.
 */
final class HandleTable {
    private static final int MAX_LENGTH = (1 << 28) - 1;

    private final List<Handle> slots = new ArrayList<>();
    private final List<Integer> free = new ArrayList<>();

    HandleTable() {
        slots.add(null);
    }

    int add(Handle h) {
        if (!free.isEmpty()) {
            int i = free.remove(free.size() - 1);
            slots.set(i, h);
            return i;
        }
        Trap.trapIf(slots.size() > MAX_LENGTH, "handle table full");
        slots.add(h);
        return slots.size() - 1;
    }

    Handle get(int i) {
        Handle h = i > 0 && i < slots.size() ? slots.get(i) : null;
        if (h == null) {
            throw new Trap("unknown handle index " + Integer.toUnsignedString(i));
        }
        return h;
    }

    Handle remove(int i) {
        Handle h = get(i);
        slots.set(i, null);
        free.add(i);
        return h;
    }
}
