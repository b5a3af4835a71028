package dev.jwc.binary.core;

import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.DecodeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Decodes custom sections: the {@code name} section into {@link Names}, the others as raw bytes. */
final class CustomSectionReader {
    private CustomSectionReader() {
    }

    static CustomSection read(ByteReader in, Optional<SectionId> after) {
        String name = in.name();
        ByteReader content = in.fork();
        byte[] data = in.rest();
        if (name.equals(NameSection.NAME)) {
            // A name section is debug information: one that does not decode does not make the module
            // malformed (as in wasmparser), so it is kept as raw bytes instead.
            try {
                return new NameSection(names(content), after);
            } catch (DecodeException malformed) {
                return new CustomSection.Raw(name, data, after);
            }
        }
        return new CustomSection.Raw(name, data, after);
    }

    private static Names names(ByteReader in) {
        Optional<String> module = Optional.empty();
        Map<Integer, String> functions = Map.of();
        Map<Integer, Map<Integer, String>> locals = Map.of();
        Map<Integer, Map<Integer, String>> labels = Map.of();
        Map<Integer, String> types = Map.of();
        Map<Integer, String> tables = Map.of();
        Map<Integer, String> memories = Map.of();
        Map<Integer, String> globals = Map.of();
        Map<Integer, String> elements = Map.of();
        Map<Integer, String> data = Map.of();
        Map<Integer, Map<Integer, String>> fields = Map.of();
        Map<Integer, String> tags = Map.of();
        int lastId = -1;
        while (!in.atEnd()) {
            long at = in.offset();
            int id = in.u8();
            ByteReader sub = in.slice(in.u32());
            if (id <= lastId) {
                throw in.errorAt("name subsections out of order or duplicated", at);
            }
            lastId = id;
            switch (id) {
                case 0 -> module = Optional.of(sub.name());
                case 1 -> functions = nameMap(sub);
                case 2 -> locals = indirectNameMap(sub);
                case 3 -> labels = indirectNameMap(sub);
                case 4 -> types = nameMap(sub);
                case 5 -> tables = nameMap(sub);
                case 6 -> memories = nameMap(sub);
                case 7 -> globals = nameMap(sub);
                case 8 -> elements = nameMap(sub);
                case 9 -> data = nameMap(sub);
                case 10 -> fields = indirectNameMap(sub);
                case 11 -> tags = nameMap(sub);
                default -> throw in.errorAt("unknown name subsection " + id, at);
            }
            if (!sub.atEnd()) {
                throw sub.error("name subsection size mismatch");
            }
        }
        return new Names(module, functions, locals, labels, types, tables, memories, globals, elements, data,
                fields, tags);
    }

    private static Map<Integer, String> nameMap(ByteReader in) {
        Map<Integer, String> map = new LinkedHashMap<>();
        each(in, () -> {
            int index = in.u32();
            String name = in.name();
            if (map.put(index, name) != null) {
                throw in.error("duplicate name for index " + Integer.toUnsignedString(index));
            }
        });
        return map;
    }

    private static Map<Integer, Map<Integer, String>> indirectNameMap(ByteReader in) {
        Map<Integer, Map<Integer, String>> map = new LinkedHashMap<>();
        each(in, () -> {
            int index = in.u32();
            if (map.put(index, nameMap(in)) != null) {
                throw in.error("duplicate names for index " + Integer.toUnsignedString(index));
            }
        });
        return map;
    }

    private static void each(ByteReader in, Runnable item) {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            item.run();
        }
    }

}
