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

    /** The position of a placement in the module, for sorting. */
    static int order(Optional<SectionId> after) {
        return after.map(ORDER::indexOf).orElse(-1);
    }
}
