package dev.jwc.runtime.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A core module's bytes as Chicory 1.7.5 must see them, and its imports as the module declares them.
 * Two rewrites of the import section dodge Chicory bugs; every other section is copied unchanged:
 * <ul>
 * <li>Chicory's parser rejects an import whose module and field names are both empty ("malformed import
 *     kind"), though the names are valid: such imports get a unique non-empty field name for Chicory, and
 *     are resolved by their declared (empty) names.</li>
 * <li>Chicory matches a {@code catch} of an imported tag against any exception whose tag has the same
 *     type, not the same tag instance: tag imports become leading tag definitions, so Chicory matches
 *     tags only within one instance, and {@link ExceptionTags} carries exceptions between instances by
 *     tag identity.</li>
 * </ul>
 * {@code rewrittenImports} holds the declared imports when the bytes were rewritten; otherwise Chicory's
 * imports are the declared ones. A module whose sections cannot be walked is passed on unchanged, for
 * Chicory to report.
 */
record ChicoryModuleBytes(byte[] bytes, Optional<List<DeclaredImport>> rewrittenImports) {
    private static final int IMPORT_SECTION = 2;
    private static final int TAG_SECTION = 13;
    private static final int TAG_KIND = 4;
    private static final int HEADER = 8;

    ChicoryModuleBytes {
        rewrittenImports = rewrittenImports.map(List::copyOf);
    }

    /** An import as the module declares it; tag imports are not imports for Chicory. */
    record DeclaredImport(String module, String name, boolean tag) {
    }

    static ChicoryModuleBytes of(byte[] module) {
        try {
            return rewrite(module);
        } catch (Malformed e) {
            // Not ours to report: Chicory parses the original bytes and says what is wrong with them.
            return new ChicoryModuleBytes(module, Optional.empty());
        }
    }

    private static ChicoryModuleBytes rewrite(byte[] module) {
        Cursor in = new Cursor(module, HEADER);
        Section importSection = null;
        Section tagSection = null;
        List<Section> sections = new ArrayList<>();
        while (in.pos < module.length) {
            int start = in.pos;
            int id = in.u8();
            int size = in.u32();
            Section s = new Section(id, start, in.pos, in.skip(size));
            sections.add(s);
            if (id == IMPORT_SECTION) {
                importSection = s;
            } else if (id == TAG_SECTION) {
                tagSection = s;
            }
        }
        if (importSection == null) {
            return new ChicoryModuleBytes(module, Optional.empty());
        }
        ImportRewrite imports = ImportRewrite.of(module, importSection);
        if (!imports.changed()) {
            return new ChicoryModuleBytes(module, Optional.empty());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(module.length + 16);
        out.write(module, 0, HEADER);
        boolean tagsWritten = imports.tagDescriptors().size() == 0;
        for (Section s : sections) {
            if (!tagsWritten && (s == tagSection || comesAfterTags(s.id()))) {
                writeTagSection(out, module, tagSection, imports.tagDescriptors());
                tagsWritten = true;
            }
            if (s == tagSection && imports.tagDescriptors().size() > 0) {
                continue;
            }
            if (s == importSection) {
                writeSection(out, IMPORT_SECTION, imports.section());
            } else {
                out.write(module, s.start(), s.end() - s.start());
            }
        }
        if (!tagsWritten) {
            writeTagSection(out, module, tagSection, imports.tagDescriptors());
        }
        return new ChicoryModuleBytes(out.toByteArray(), Optional.of(imports.declared()));
    }

    /** Known sections that the tag section precedes (custom sections may sit anywhere). */
    private static boolean comesAfterTags(int id) {
        return id >= 6 && id <= 12;
    }

    /** The tag section with the former tag imports first, so tag indices stay as declared. */
    private static void writeTagSection(ByteArrayOutputStream out, byte[] module, Section existing, Descriptors imported) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int count = imported.size();
        int restStart = 0;
        int restEnd = 0;
        if (existing != null) {
            Cursor c = new Cursor(module, existing.contentStart());
            count += c.u32();
            restStart = c.pos;
            restEnd = existing.end();
        }
        writeU32(body, count);
        body.writeBytes(imported.bytes());
        body.write(module, restStart, restEnd - restStart);
        writeSection(out, TAG_SECTION, body.toByteArray());
    }

    private static void writeSection(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        writeU32(out, content.length);
        out.writeBytes(content);
    }

    private static void writeU32(ByteArrayOutputStream out, int value) {
        long v = Integer.toUnsignedLong(value);
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v == 0 ? b : b | 0x80);
        } while (v != 0);
    }

    private record Section(int id, int start, int contentStart, int end) {
    }

    /** Tag import descriptors (attribute and type index), which are tag section entries as they are. */
    private record Descriptors(int size, byte[] bytes) {
    }

    /** The import section for Chicory and the imports as declared. */
    private record ImportRewrite(byte[] section, List<DeclaredImport> declared, Descriptors tagDescriptors, boolean changed) {

        static ImportRewrite of(byte[] module, Section section) {
            Cursor in = new Cursor(module, section.contentStart());
            int count = in.u32();
            List<DeclaredImport> declared = new ArrayList<>();
            List<int[]> entries = new ArrayList<>();
            Set<String> emptyModuleNames = new HashSet<>();
            for (int i = 0; i < count; i++) {
                int start = in.pos;
                String module1 = in.name();
                String name = in.name();
                int kind = in.u8();
                int descriptor = in.pos;
                in.skipDescriptor(kind);
                declared.add(new DeclaredImport(module1, name, kind == TAG_KIND));
                entries.add(new int[] {start, descriptor, in.pos});
                if (module1.isEmpty()) {
                    emptyModuleNames.add(name);
                }
            }
            if (in.pos != section.end()) {
                throw new Malformed();
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(section.end() - section.contentStart());
            ByteArrayOutputStream tags = new ByteArrayOutputStream();
            int tagCount = 0;
            boolean changed = false;
            writeU32(body, count - (int) declared.stream().filter(DeclaredImport::tag).count());
            for (int i = 0; i < count; i++) {
                DeclaredImport d = declared.get(i);
                int[] e = entries.get(i);
                if (d.tag()) {
                    tags.write(module, e[1], e[2] - e[1]);
                    tagCount++;
                    changed = true;
                } else if (d.module().isEmpty() && d.name().isEmpty()) {
                    byte[] alias = uniqueName(emptyModuleNames, i).getBytes(StandardCharsets.UTF_8);
                    writeU32(body, 0);
                    writeU32(body, alias.length);
                    body.writeBytes(alias);
                    body.write(module, e[1] - 1, e[2] - e[1] + 1);
                    changed = true;
                } else {
                    body.write(module, e[0], e[2] - e[0]);
                }
            }
            return new ImportRewrite(body.toByteArray(), declared, new Descriptors(tagCount, tags.toByteArray()), changed);
        }

        /** A field name no import of module "" uses, so Chicory links each renamed import to its own value. */
        private static String uniqueName(Set<String> taken, int index) {
            String name = "\0" + index;
            while (!taken.add(name)) {
                name = "\0" + name;
            }
            return name;
        }
    }

    /** Thrown when the bytes do not have the shape of a module. */
    private static final class Malformed extends RuntimeException {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private static final class Cursor {
        private final byte[] bytes;
        private int pos;

        Cursor(byte[] bytes, int pos) {
            this.bytes = bytes;
            this.pos = pos;
        }

        int u8() {
            if (pos >= bytes.length) {
                throw new Malformed();
            }
            return bytes[pos++] & 0xFF;
        }

        int u32() {
            long result = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = u8();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (result > 0xFFFF_FFFFL) {
                        throw new Malformed();
                    }
                    return (int) result;
                }
            }
            throw new Malformed();
        }

        /** Skips a LEB128 number of any width (u32, u64, s33). */
        void leb() {
            for (int i = 0; i < 10; i++) {
                if ((u8() & 0x80) == 0) {
                    return;
                }
            }
            throw new Malformed();
        }

        int skip(int length) {
            if (length < 0 || length > bytes.length - pos) {
                throw new Malformed();
            }
            pos += length;
            return pos;
        }

        String name() {
            int length = u32();
            int start = pos;
            skip(length);
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }

        void skipDescriptor(int kind) {
            switch (kind) {
                case 0 -> leb();
                case 1 -> {
                    valueType();
                    limits();
                }
                case 2 -> limits();
                case 3 -> {
                    valueType();
                    u8();
                }
                case TAG_KIND -> {
                    u8();
                    leb();
                }
                default -> throw new Malformed();
            }
        }

        /** A value or reference type: one byte, or a (ref null? ht) prefix and its heap type. */
        private void valueType() {
            int b = u8();
            if (b == 0x63 || b == 0x64) {
                leb();
            }
        }

        /** Table or memory limits: flags, minimum, maximum if flagged, page size if flagged. */
        private void limits() {
            int flags = u8();
            leb();
            if ((flags & 1) != 0) {
                leb();
            }
            if ((flags & 8) != 0) {
                leb();
            }
        }
    }
}
