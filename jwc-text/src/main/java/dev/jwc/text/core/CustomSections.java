package dev.jwc.text.core;

import dev.jwc.binary.core.CustomSection;
import dev.jwc.binary.core.SectionId;
import dev.jwc.binary.io.ByteWriter;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.sexpr.Cursor;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The custom-section annotations of a module: {@code (@custom "name" (before|after anchor)? "data"*)}
 * and {@code (@producers (language|sdk|processed-by "name" "version")*)}, placed as wasm-tools places
 * them. Each comes with a rank so that sections sharing an insertion point keep wasm-tools' order.
 */
final class CustomSections {
    private CustomSections() {}

    /** Where a custom section goes: {@code after} in the model's terms, and its order at that point. */
    record Placed(CustomSection section, int rank) {}

    /** Rank of custom sections after the last section: they follow the name section. */
    static final int AFTER_LAST = 3;
    /** Rank of the name section among the sections after the data section. */
    static final int NAME = 2;

    private static final List<SectionId> ORDER = List.of(SectionId.TYPE, SectionId.IMPORT, SectionId.FUNCTION,
            SectionId.TABLE, SectionId.MEMORY, SectionId.TAG, SectionId.GLOBAL, SectionId.EXPORT, SectionId.START,
            SectionId.ELEMENT, SectionId.DATA_COUNT, SectionId.CODE, SectionId.DATA);

    static Placed custom(Cursor c) {
        String name = c.utf8();
        Optional<SectionId> after = Optional.of(SectionId.DATA);
        int rank = AFTER_LAST;
        if (c.peekList()) {
            Cursor place = c.list();
            Position placeAt = place.position();
            String where = place.keyword();
            String anchor = place.keyword();
            place.expectEnd();
            switch (where) {
                case "before" -> {
                    if (anchor.equals("first")) {
                        after = Optional.empty();
                        rank = 0;
                    } else {
                        int i = ORDER.indexOf(section(anchor, placeAt));
                        after = i == 0 ? Optional.empty() : Optional.of(ORDER.get(i - 1));
                        rank = 1;
                    }
                }
                case "after" -> {
                    if (!anchor.equals("last")) {
                        after = Optional.of(section(anchor, placeAt));
                        rank = 0;
                    }
                }
                default -> throw new TextException(placeAt, "expected 'before' or 'after'");
            }
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (!c.atEnd()) {
            data.writeBytes(c.string());
        }
        return new Placed(new CustomSection.Raw(name, data.toByteArray(), after), rank);
    }

    private static SectionId section(String anchor, Position at) {
        return switch (anchor) {
            case "type" -> SectionId.TYPE;
            case "import" -> SectionId.IMPORT;
            case "func" -> SectionId.FUNCTION;
            case "table" -> SectionId.TABLE;
            case "memory" -> SectionId.MEMORY;
            case "global" -> SectionId.GLOBAL;
            case "export" -> SectionId.EXPORT;
            case "start" -> SectionId.START;
            case "elem" -> SectionId.ELEMENT;
            case "code" -> SectionId.CODE;
            case "data" -> SectionId.DATA;
            case "tag" -> SectionId.TAG;
            default -> throw new TextException(at, "expected a valid section name");
        };
    }

    /** The {@code producers} section: fields language, sdk, processed-by, in that order. */
    static Placed producers(Cursor c) {
        List<String[]> languages = new ArrayList<>();
        List<String[]> sdks = new ArrayList<>();
        List<String[]> processedBy = new ArrayList<>();
        while (!c.atEnd()) {
            Cursor f = c.list();
            Position at = f.position();
            List<String[]> into = switch (f.keyword()) {
                case "language" -> languages;
                case "sdk" -> sdks;
                case "processed-by" -> processedBy;
                default -> throw new TextException(at, "expected 'language', 'sdk' or 'processed-by'");
            };
            into.add(new String[] {f.utf8(), f.utf8()});
            f.expectEnd();
        }
        ByteWriter out = new ByteWriter();
        int fields = (languages.isEmpty() ? 0 : 1) + (sdks.isEmpty() ? 0 : 1) + (processedBy.isEmpty() ? 0 : 1);
        out.u32(fields);
        field(out, "language", languages);
        field(out, "sdk", sdks);
        field(out, "processed-by", processedBy);
        return new Placed(new CustomSection.Raw("producers", out.toByteArray(), Optional.of(SectionId.DATA)),
                AFTER_LAST);
    }

    private static void field(ByteWriter out, String name, List<String[]> values) {
        if (values.isEmpty()) {
            return;
        }
        out.name(name);
        out.u32(values.size());
        for (String[] v : values) {
            out.name(v[0]);
            out.name(v[1]);
        }
    }

    /**
     * The {@code dylink.0} section of dynamic linking, placed before everything:
     * {@code (mem-info (memory size align)? (table size align)?)}, {@code (needed "lib"*)},
     * {@code (export-info "name" flag*)} and {@code (import-info "module" "name" flag*)}; consecutive
     * export-info (import-info) entries share one subsection.
     */
    static Placed dylink(Cursor c) {
        ByteWriter out = new ByteWriter();
        ByteWriter pending = null;
        int pendingId = 0;
        int pendingCount = 0;
        while (!c.atEnd()) {
            Cursor s = c.list();
            Position at = s.position();
            String kind = s.keyword();
            int id = switch (kind) {
                case "mem-info" -> 1;
                case "needed" -> 2;
                case "export-info" -> 3;
                case "import-info" -> 4;
                default -> throw new TextException(at, "expected 'mem-info', 'needed', 'export-info' or 'import-info'");
            };
            if (pending != null && id != pendingId) {
                subsection(out, pendingId, pendingCount, pending);
                pending = null;
            }
            switch (id) {
                case 1 -> {
                    ByteWriter info = new ByteWriter();
                    long[] sizes = new long[4];
                    if (s.peekList("memory")) {
                        Cursor m = s.list("memory");
                        sizes[0] = m.u32() & 0xffffffffL;
                        sizes[1] = m.u32() & 0xffffffffL;
                        m.expectEnd();
                    }
                    if (s.peekList("table")) {
                        Cursor t = s.list("table");
                        sizes[2] = t.u32() & 0xffffffffL;
                        sizes[3] = t.u32() & 0xffffffffL;
                        t.expectEnd();
                    }
                    for (long v : sizes) {
                        info.u64(v);
                    }
                    out.u8(1).sized(info);
                }
                case 2 -> {
                    List<String> names = new ArrayList<>();
                    while (!s.atEnd()) {
                        names.add(s.utf8());
                    }
                    ByteWriter needed = new ByteWriter().u32(names.size());
                    names.forEach(needed::name);
                    out.u8(2).sized(needed);
                }
                default -> {
                    if (pending == null) {
                        pending = new ByteWriter();
                        pendingId = id;
                        pendingCount = 0;
                    }
                    pending.name(s.utf8());
                    if (id == 4) {
                        pending.name(s.utf8());
                    }
                    pending.u32(symbolFlags(s));
                    pendingCount++;
                }
            }
            s.expectEnd();
        }
        if (pending != null) {
            subsection(out, pendingId, pendingCount, pending);
        }
        return new Placed(new CustomSection.Raw("dylink.0", out.toByteArray(), Optional.empty()), 0);
    }

    private static void subsection(ByteWriter out, int id, int count, ByteWriter entries) {
        ByteWriter body = new ByteWriter().u32(count).bytes(entries.toByteArray());
        out.u8(id).sized(body);
    }

    private static int symbolFlags(Cursor c) {
        int flags = 0;
        while (!c.atEnd()) {
            if (c.peekUnsigned()) {
                flags |= c.u32();
                continue;
            }
            Position at = c.position();
            flags |= switch (c.keyword()) {
                case "binding-weak" -> 1;
                case "binding-local" -> 1 << 1;
                case "visibility-hidden" -> 1 << 2;
                case "undefined" -> 1 << 4;
                case "exported" -> 1 << 5;
                case "explicit-name" -> 1 << 6;
                case "no-strip" -> 1 << 7;
                case "tls" -> 1 << 8;
                case "absolute" -> 1 << 9;
                default -> throw new TextException(at, "unknown symbol flag");
            };
        }
        return flags;
    }

    /** The position of a placement in the module, for sorting. */
    static int order(Optional<SectionId> after) {
        return after.map(ORDER::indexOf).orElse(-1);
    }
}
