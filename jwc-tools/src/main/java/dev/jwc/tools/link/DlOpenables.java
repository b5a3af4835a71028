package dev.jwc.tools.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lookup table {@code dlopen}/{@code dlsym} search at run time, laid out in memory at {@code memoryBase}: the
 * names of the dl-openable libraries and of their symbols (each padded to 4 bytes), per library its symbols
 * sorted by name as {@code (name length, name address, address)}, the libraries sorted by name as
 * {@code (name length, name address, symbol count, symbols address)}, and at {@link #librariesAddress} the root
 * {@code (library count, libraries address)}. A function's address is its slot in the table (from
 * {@code tableBase}); a global's is written by the init module, which knows where its library's data sits.
 */
final class DlOpenables {
    /** A word of the table the init module fills with the address of global {@code export} of {@code library}. */
    record GlobalAddress(String library, String export, int address) {}

    /** A function of a dl-openable library and the table slot it gets. */
    record Function(String library, Symbol symbol, int slot) {}

    private record Entry(String name, int nameAddress, int address, String global) {}

    private record Root(String name, int nameAddress, int count, int symbols) {}

    final int tableBase;
    final int memoryBase;
    final List<GlobalAddress> globals = new ArrayList<>();
    final List<Function> functions = new ArrayList<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    final int librariesAddress;

    DlOpenables(int tableBase, int memoryBase, List<Library> libraries) {
        this.tableBase = tableBase;
        this.memoryBase = memoryBase;
        List<Root> roots = new ArrayList<>();
        for (Library l : libraries) {
            if (!l.dlOpenable()) {
                continue;
            }
            int nameAddress = here();
            padded(l.name());
            List<Entry> entries = new ArrayList<>();
            for (Library.Exported e : l.exports()) {
                Symbol s = e.symbol();
                int symbolName = here();
                padded(s.name());
                switch (s.kind()) {
                    case Symbol.Function f -> {
                        int slot = tableBase + functions.size();
                        functions.add(new Function(l.name(), s, slot));
                        entries.add(new Entry(s.name(), symbolName, slot, null));
                    }
                    case Symbol.Global g -> entries.add(new Entry(s.name(), symbolName, 0, s.name()));
                    case Symbol.Tag t -> { }
                }
            }
            entries.sort(Comparator.comparing(Entry::name));
            int start = here();
            for (Entry e : entries) {
                u32(utf8(e.name()).length);
                u32(e.nameAddress());
                if (e.global() != null) {
                    globals.add(new GlobalAddress(l.name(), e.global(), here()));
                }
                u32(e.address());
            }
            roots.add(new Root(l.name(), nameAddress, entries.size(), start));
        }
        roots.sort(Comparator.comparing(Root::name));
        int start = here();
        for (Root r : roots) {
            u32(utf8(r.name()).length);
            u32(r.nameAddress());
            u32(r.count());
            u32(r.symbols());
        }
        librariesAddress = here();
        u32(roots.size());
        u32(start);
    }

    byte[] bytes() {
        return buffer.toByteArray();
    }

    int size() {
        return buffer.size();
    }

    private int here() {
        return memoryBase + buffer.size();
    }

    private void padded(String s) {
        byte[] b = utf8(s);
        buffer.writeBytes(b);
        for (int n = b.length; n % 4 != 0; n++) {
            buffer.write(0);
        }
    }

    private void u32(int v) {
        buffer.write(v);
        buffer.write(v >>> 8);
        buffer.write(v >>> 16);
        buffer.write(v >>> 24);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
