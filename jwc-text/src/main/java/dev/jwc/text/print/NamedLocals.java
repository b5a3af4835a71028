package dev.jwc.text.print;

/**
 * Groups params or locals the way wasmprinter does: unnamed ones share a {@code (param i32 i64)} group,
 * a named one stands alone as {@code (param $x i32)}.
 */
final class NamedLocals {
    private final Out out;
    private final String keyword;
    private boolean inGroup;
    private boolean closeAfter;
    private boolean first = true;

    NamedLocals(Out out, String keyword) {
        this.out = out;
        this.keyword = keyword;
    }

    /** Before the type of one local, named {@code name} or null. */
    void start(Naming name) {
        if (name != null && inGroup) {
            out.close();
            inGroup = false;
        }
        if (first) {
            first = false;
        } else {
            out.space();
        }
        if (!inGroup) {
            out.open(keyword).space();
            inGroup = true;
        }
        closeAfter = name != null;
        if (name != null) {
            name.write(out);
            out.space();
        }
    }

    /** After the type of one local. */
    void end() {
        if (closeAfter) {
            out.close();
            closeAfter = false;
            inGroup = false;
        }
    }

    void finish() {
        if (inGroup) {
            out.close();
        }
    }
}
