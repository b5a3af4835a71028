package dev.jwc.text.print;

import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dylink.0} custom section of dynamic-linking modules, printed in wasmprinter's
 * {@code (@dylink.0 ...)} syntax: memory/table info, needed libraries, export and import symbol flags.
 */
final class Dylink {
    private static final int MEM_INFO = 1;
    private static final int NEEDED = 2;
    private static final int EXPORT_INFO = 3;
    private static final int IMPORT_INFO = 4;

    /** Symbol flags with their text names, in the order they print. */
    private static final int[] FLAGS = {0x1, 0x2, 0x4, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200};
    private static final String[] FLAG_NAMES = {"binding-weak", "binding-local", "visibility-hidden", "undefined",
        "exported", "explicit-name", "no-strip", "tls", "absolute"};

    private Dylink() {
    }

    /** The lines of the annotation, or null when the section is malformed (then it prints raw). */
    static List<Entry> decode(byte[] data) {
        List<Entry> entries = new ArrayList<>();
        try {
            ByteReader r = new ByteReader(data);
            while (!r.atEnd()) {
                int id = r.u8();
                ByteReader sub = r.slice(r.u32());
                switch (id) {
                    case MEM_INFO -> entries.add(memInfo(sub.u32(), sub.u32(), sub.u32(), sub.u32()));
                    case NEEDED -> {
                        StringBuilder needed = new StringBuilder();
                        for (int n = sub.count(); n > 0; n--) {
                            needed.append(' ').append(quoted(sub.name()));
                        }
                        entries.add(new Entry("needed" + needed));
                    }
                    case EXPORT_INFO -> {
                        for (int n = sub.count(); n > 0; n--) {
                            entries.add(new Entry("export-info " + quoted(sub.name()) + flags(sub.u32())));
                        }
                    }
                    case IMPORT_INFO -> {
                        for (int n = sub.count(); n > 0; n--) {
                            String module = quoted(sub.name());
                            entries.add(new Entry("import-info " + module + " " + quoted(sub.name()) + flags(sub.u32())));
                        }
                    }
                    default -> {
                        return null; // wasmprinter cannot print unknown subsections either
                    }
                }
                if (!sub.atEnd()) {
                    return null;
                }
            }
            return entries;
        } catch (DecodeException malformed) {
            // Custom sections are advisory: a malformed one keeps its raw bytes.
            return null;
        }
    }

    /** One line of the annotation, the content of its group. */
    record Entry(String group) {
    }

    private static Entry memInfo(int memorySize, int memoryAlign, int tableSize, int tableAlign) {
        StringBuilder s = new StringBuilder("mem-info");
        if (memorySize != 0 || memoryAlign != 0) {
            s.append(" (memory ").append(Integer.toUnsignedString(memorySize)).append(' ')
                    .append(Integer.toUnsignedString(memoryAlign)).append(')');
        }
        if (tableSize != 0 || tableAlign != 0) {
            s.append(" (table ").append(Integer.toUnsignedString(tableSize)).append(' ')
                    .append(Integer.toUnsignedString(tableAlign)).append(')');
        }
        return new Entry(s.toString());
    }

    private static String flags(int flags) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < FLAGS.length; i++) {
            if ((flags & FLAGS[i]) != 0) {
                flags &= ~FLAGS[i];
                s.append(' ').append(FLAG_NAMES[i]);
            }
        }
        if (flags != 0) {
            s.append(" 0x").append(Integer.toHexString(flags));
        }
        return s.toString();
    }

    private static String quoted(String s) {
        return new Out().string(s).toString();
    }
}
