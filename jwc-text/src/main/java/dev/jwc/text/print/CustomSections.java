package dev.jwc.text.print;

import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Custom sections: name sections feed the printed identifiers, well-formed {@code producers} and
 * {@code dylink.0} sections print as {@code @producers} and {@code @dylink.0}, any other as
 * {@code @custom} with its bytes.
 */
final class CustomSections {
    private CustomSections() {
    }

    /** The name sections, which print as identifiers rather than as sections. */
    static boolean isNames(String name) {
        return name.equals("name") || name.equals("component-name");
    }

    /** Prints one custom section; {@code place} ({@code after type}, ...) is null inside components. */
    static void print(Out out, String name, byte[] data, String place) {
        if (name.equals("producers")) {
            List<Producer> producers = producers(data);
            if (producers != null) {
                out.newline().open("@producers");
                for (Producer p : producers) {
                    out.newline().open(p.field()).space().string(p.name()).space().string(p.version()).close();
                }
                out.close();
                return;
            }
        }
        if (name.equals("dylink.0")) {
            List<Dylink.Entry> entries = Dylink.decode(data);
            if (entries != null) {
                out.newline().open("@dylink.0");
                for (Dylink.Entry e : entries) {
                    out.newline().open(e.group()).close();
                }
                out.close();
                return;
            }
        }
        out.newline().open("@custom ").string(name);
        if (place != null) {
            out.text(" (" + place + ")");
        }
        out.space().bytes(data).close();
    }

    private record Producer(String field, String name, String version) {
    }

    /** The entries of a producers section, or null when it is malformed (then it prints raw). */
    private static List<Producer> producers(byte[] data) {
        List<Producer> producers = new ArrayList<>();
        try {
            ByteReader r = new ByteReader(data);
            for (int fields = r.count(); fields > 0; fields--) {
                String field = r.name();
                for (int values = r.count(); values > 0; values--) {
                    producers.add(new Producer(field, r.name(), r.name()));
                }
            }
            return r.atEnd() ? producers : null;
        } catch (DecodeException malformed) {
            // A producers section is advisory: a malformed one keeps its raw bytes.
            return null;
        }
    }
}
