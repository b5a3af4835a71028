package dev.jwc.text.print;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The names of one index space, by index, and how definitions and references to it print. */
final class NameMap {
    static final NameMap EMPTY = new NameMap(Map.of());

    private final Map<Integer, Naming> names;

    private NameMap(Map<Integer, Naming> names) {
        this.names = names;
    }

    /** Names in section order; a repeated name gets a synthetic identifier ({@code space} names it). */
    static NameMap of(Map<Integer, String> names, String space) {
        Set<String> used = new HashSet<>();
        Map<Integer, Naming> map = new HashMap<>();
        names.forEach((index, name) -> map.put(index, Naming.of(name, index, space, used)));
        return new NameMap(map);
    }

    Naming get(int index) {
        return names.get(index);
    }

    /** A reference: {@code $id} or the bare index. */
    void ref(Out out, int index) {
        Naming n = names.get(index);
        if (n == null) {
            out.text(Integer.toUnsignedString(index));
        } else {
            n.writeIdentifier(out);
        }
    }

    /** A definition: {@code $id (;index;)} or just {@code (;index;)}. */
    void def(Out out, int index) {
        Naming n = names.get(index);
        if (n != null) {
            n.write(out);
            out.space();
        }
        out.text("(;" + Integer.toUnsignedString(index) + ";)");
    }
}
