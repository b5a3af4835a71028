package dev.jwc.wit.print;

/** Indented lines of text; blank lines never carry indentation or trailing spaces. */
final class Output {
    private static final String INDENT = "  ";

    private final StringBuilder text = new StringBuilder();
    private int depth;

    void line(String content) {
        if (!content.isEmpty()) {
            text.append(INDENT.repeat(depth)).append(content);
        }
        text.append('\n');
    }

    void blank() {
        text.append('\n');
    }

    void indent() {
        depth++;
    }

    void dedent() {
        depth--;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
