package dev.jwc.text.print;

/** Custom sections: name sections feed the printed identifiers; the others print as {@code @custom}. */
final class CustomSections {
    private CustomSections() {
    }

    /** The name sections, which print as identifiers rather than as sections. */
    static boolean isNames(String name) {
        return name.equals("name") || name.equals("component-name");
    }

    /** {@code (@custom "name" (place) "bytes")}; {@code place} is null inside components. */
    static void print(Out out, String name, byte[] data, String place) {
        out.newline().open("@custom ").string(name);
        if (place != null) {
            out.text(" (" + place + ")");
        }
        out.space().bytes(data).close();
    }
}
